/**
 * {@code /api/v1/tokens}: issue (shown once), list and revoke API tokens.
 */
package io.switchboard.api.token;
