package io.switchboard.core.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.switchboard.core.id.TokenId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.user.AppUser;

/**
 * Who mints a token: a member with their password (or portal session), or one of the
 * member's tokens. A new token may grant only {@link #scopes()} and may not outlive
 * {@link #notAfter()}.
 *
 * @param actor who asks ({@code usr_…} or {@code tok_…}), the new token's subject
 * @param memberId the member behind the request, who the new token acts for
 * @param scopes what the asker may grant: the member's role's scopes, or a token's own
 * scopes cut down to its member's current role
 * @param parentId the token that asks, or {@code null} when a person asks
 * @param notAfter when the asking token expires, or {@code null}
 */
public record TokenMaker(String actor, UserId memberId, Set<String> scopes, TokenId parentId, Instant notAfter) {

	public TokenMaker {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(memberId, "memberId");
		scopes = Set.copyOf(scopes);
	}

	/**
	 * A member asking in person.
	 * @param member the member, as stored now
	 * @return the maker
	 */
	public static TokenMaker member(AppUser member) {
		return new TokenMaker(member.id().toString(), member.id(), MemberRole.of(member.role()).scopes(), null, null);
	}

	/**
	 * One of a member's tokens asking.
	 * @param token the token, as it stands now
	 * @return the maker
	 */
	public static TokenMaker token(ActiveToken token) {
		return new TokenMaker(token.record().id().toString(), token.record().createdBy(), token.scopes(),
				token.record().id(), token.record().expiresAt());
	}

}
