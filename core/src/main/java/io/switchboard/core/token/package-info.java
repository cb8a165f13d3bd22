/**
 * API tokens: the record of each token issued (never the token itself), the keys they are
 * signed with, and {@link io.switchboard.core.token.ApiTokens}, which checks, issues and
 * revokes them for the API and the portal alike.
 */
package io.switchboard.core.token;
