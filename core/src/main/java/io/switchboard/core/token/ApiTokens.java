package io.switchboard.core.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.id.UserId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Issues API tokens (records the token, never the token string, then signs it) and
 * revokes them.
 */
@Component
public class ApiTokens {

	/**
	 * The {@code iss} of the tokens Switchboard issues when
	 * {@code switchboard.auth.issuer} is not set.
	 */
	public static final String DEFAULT_ISSUER = "switchboard";

	private final ApiTokenRepository tokens;

	private final TokenIssuer issuer;

	ApiTokens(ApiTokenRepository tokens, TokenIssuer issuer) {
		this.tokens = tokens;
		this.issuer = issuer;
	}

	/**
	 * Issues a token for a tenant.
	 * @param tenantId the tenant it acts for
	 * @param actor who asks ({@code usr_…} or {@code tok_…}), the token's subject
	 * @param name what it is for
	 * @param scopes what it may do (already checked against what the asker may grant)
	 * @param expiresAt when it expires, or {@code null}
	 * @return the record and the token string, which is shown once
	 */
	public Mono<Issued> issue(TenantId tenantId, String actor, String name, List<String> scopes, Instant expiresAt) {
		TokenId id = TokenId.generate();
		UUID createdBy = actor.startsWith(UserId.PREFIX + "_") ? UserId.parse(actor).uuid() : null;
		return this.tokens.create(tenantId, id, name, scopes, createdBy, expiresAt)
			.map((record) -> new Issued(record,
					this.issuer.issue(tenantId, id, actor, scopes, record.createdAt(), expiresAt)));
	}

	/**
	 * Revokes one of a tenant's tokens: from its next request on it is refused.
	 * @param tenantId the tenant
	 * @param id the token
	 * @return the token as it was before, or empty when the tenant has no such token
	 */
	public Mono<ApiToken> revoke(TenantId tenantId, TokenId id) {
		return this.tokens.findByTenantAndId(tenantId, id)
			.flatMap((before) -> this.tokens.revoke(tenantId, id).thenReturn(before));
	}

	/**
	 * A token just issued.
	 *
	 * @param record its record
	 * @param token the token string
	 */
	public record Issued(ApiToken record, String token) {

		@Override
		public String toString() {
			return "Issued[" + this.record.id() + "]";
		}

	}

}
