package io.switchboard.core.token;

import java.util.List;

/**
 * What a member, or a program with one of their tokens, asks for when issuing a token.
 * {@link ApiTokens#issue(io.switchboard.core.id.TenantId, TokenMaker, TokenRequest)}
 * checks it.
 *
 * @param name what the token is for, up to 200 characters
 * @param scopes what it may do, at least one of {@link Scope#all()}
 * @param expiresInDays days until it expires (1 to 3650), or {@code null} for never
 */
public record TokenRequest(String name, List<String> scopes, Integer expiresInDays) {

}
