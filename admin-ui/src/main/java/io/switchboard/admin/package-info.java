/**
 * The tenant portal (role ui).
 */
package io.switchboard.admin;
