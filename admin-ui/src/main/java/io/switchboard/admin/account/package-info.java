/**
 * Accounts in the portal: sign-up, sign-in with throttling, sign-out, password rules and
 * the portal's security chain.
 */
package io.switchboard.admin.account;
