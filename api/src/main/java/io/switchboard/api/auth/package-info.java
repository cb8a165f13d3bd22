/**
 * Who calls the API: Switchboard's own RS256 tokens (JWKS, revocation by jti), tokens of
 * trusted external OpenID Connect issuers, HTTP Basic for minting tokens, scopes.
 */
package io.switchboard.api.auth;
