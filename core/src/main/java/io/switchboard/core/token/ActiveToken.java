package io.switchboard.core.token;

import java.util.Set;

/**
 * A token that may be used now, and what it may do now: the scopes it was issued with,
 * cut down to what its member's current role allows.
 *
 * @param record the token's record
 * @param scopes the scopes it has now
 */
public record ActiveToken(ApiToken record, Set<String> scopes) {

	public ActiveToken {
		scopes = Set.copyOf(scopes);
	}

}
