/**
 * The API tokens page: issue a token with the scopes it needs (shown once), list and
 * revoke them.
 */
package io.switchboard.admin.token;
