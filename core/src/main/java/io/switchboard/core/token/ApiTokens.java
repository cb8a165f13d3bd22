package io.switchboard.core.token;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Issues API tokens (records the token, never the token string, then signs it), tells
 * whether one may be used now and with which scopes, and revokes them. The rules live
 * here, once, for the API and the portal: a token acts for a member and never does more
 * than that member's current role allows (a removed member's tokens are refused); a token
 * minted by a token grants nothing its parent lacks and does not outlive it.
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
	 * @param maker who asks
	 * @param name what it is for
	 * @param scopes what it may do; each must be one the maker has
	 * ({@link ScopeNotGrantableException} otherwise)
	 * @param expiresAt when it expires, or {@code null}; never later than the maker token
	 * expires
	 * @return the record and the token string, which is shown once
	 */
	public Mono<Issued> issue(TenantId tenantId, TokenMaker maker, String name, List<String> scopes,
			Instant expiresAt) {
		for (String scope : scopes) {
			if (!maker.scopes().contains(scope)) {
				return Mono.error(new ScopeNotGrantableException(scope));
			}
		}
		Instant expires = (maker.notAfter() != null && (expiresAt == null || expiresAt.isAfter(maker.notAfter())))
				? maker.notAfter() : expiresAt;
		TokenId id = TokenId.generate();
		return this.tokens.create(tenantId, id, name, scopes, maker.memberId(), maker.parentId(), expires)
			.map((record) -> new Issued(record,
					this.issuer.issue(tenantId, id, maker.actor(), scopes, record.createdAt(), record.expiresAt())));
	}

	/**
	 * A token as it may be used now: refused (empty) when it, or a token above it, is
	 * revoked or expired, or its member is no longer in the tenant; otherwise with its
	 * scopes cut down to what its member's current role allows.
	 * @param tenantId the tenant it names
	 * @param id the token
	 * @return the token and its scopes now, or empty
	 */
	public Mono<ActiveToken> findActive(TenantId tenantId, TokenId id) {
		return this.tokens.findStanding(tenantId, id)
			.filter((standing) -> standing.usable() && standing.memberRole().isPresent())
			.map((standing) -> {
				Set<String> allowed = MemberRole.of(standing.memberRole().get()).scopes();
				Set<String> scopes = new LinkedHashSet<>(standing.token().scopes());
				scopes.retainAll(allowed);
				return new ActiveToken(standing.token(), scopes);
			});
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
