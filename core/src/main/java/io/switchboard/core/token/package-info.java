/**
 * API tokens: the record of each token issued (never the token itself) and the keys they
 * are signed with.
 */
package io.switchboard.core.token;
