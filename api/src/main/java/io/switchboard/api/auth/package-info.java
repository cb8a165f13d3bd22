/**
 * Who calls the API: Switchboard's own RS256 tokens (JWKS, revocation by jti), HTTP Basic
 * for minting tokens, scopes.
 */
package io.switchboard.api.auth;
