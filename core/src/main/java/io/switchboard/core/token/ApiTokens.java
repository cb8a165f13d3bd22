package io.switchboard.core.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.input.InputErrors;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Issues API tokens (records the token, never the token string, then signs it), tells
 * whether one may be used now and with which scopes, and revokes them, each issue and
 * revocation in the audit log. The rules live here, once, for both faces: what a request
 * for a token must name ({@link TokenRequest}); a token acts for a member and never does
 * more than that member's current role allows (a removed member's tokens are refused); a
 * token minted by a token grants nothing its parent lacks and does not outlive it.
 */
@Component
public class ApiTokens {

	/**
	 * The {@code iss} of the tokens Switchboard issues when
	 * {@code switchboard.auth.issuer} is not set.
	 */
	public static final String DEFAULT_ISSUER = "switchboard";

	/** Most characters in a token's name. */
	public static final int NAME_MAX_LENGTH = 200;

	/** The longest a token may be issued for, in days. */
	public static final int MAX_DAYS = 3650;

	private final ApiTokenRepository tokens;

	private final TokenIssuer issuer;

	private final RecordedChanges audit;

	ApiTokens(ApiTokenRepository tokens, TokenIssuer issuer, RecordedChanges audit) {
		this.tokens = tokens;
		this.issuer = issuer;
		this.audit = audit;
	}

	/**
	 * Issues a token as asked, recorded as {@code token.created} by its maker.
	 * @param tenantId the tenant it acts for
	 * @param maker who asks
	 * @param request what they ask for
	 * @return the record and the token string, which is shown once; an error
	 * {@link io.switchboard.core.input.InvalidInput} naming {@code name}, {@code scopes}
	 * or {@code expiresInDays}, or {@link ScopeNotGrantableException}
	 */
	public Mono<Issued> issue(TenantId tenantId, TokenMaker maker, TokenRequest request) {
		return Mono.fromCallable(() -> checked(request))
			.flatMap((scopes) -> this.audit.recorded(tenantId, maker.actor(), "token.created", "token",
					issue(tenantId, maker, request.name().trim(), scopes,
							(request.expiresInDays() != null)
									? Instant.now().plus(Duration.ofDays(request.expiresInDays())) : null),
					(issued) -> new AuditedChange(issued.record().id().toString(), null,
							AuditedToken.of(issued.record()))));
	}

	/**
	 * The scopes asked for, each once, in the order of {@link Scope}.
	 */
	private static List<String> checked(TokenRequest request) {
		InputErrors errors = new InputErrors();
		String name = request.name();
		errors.require(name != null && !name.isBlank() && name.trim().length() <= NAME_MAX_LENGTH, "name",
				"Name the token after what uses it, such as “CRM sync” (up to " + NAME_MAX_LENGTH + " characters).");
		List<String> scopes = (request.scopes() != null) ? request.scopes() : List.of();
		errors.require(!scopes.isEmpty(), "scopes", "Tick at least one scope: what the token may do.");
		scopes.stream()
			.filter((scope) -> !Scope.isKnown(scope))
			.findFirst()
			.ifPresent((unknown) -> errors.add("scopes",
					"'" + unknown + "' is not a scope; the scopes are " + String.join(", ", Scope.all()) + "."));
		Integer days = request.expiresInDays();
		errors.require(days == null || (days >= 1 && days <= MAX_DAYS), "expiresInDays",
				"Pick when the token expires: in 1 to " + MAX_DAYS + " days, or never.");
		errors.throwIfAny();
		return Scope.all().stream().filter(scopes::contains).toList();
	}

	/**
	 * Issues a token without checking the request or recording it in the audit log, as
	 * {@link #issue(TenantId, TokenMaker, TokenRequest)} does once it has done both.
	 * @param tenantId the tenant it acts for
	 * @param maker who asks
	 * @param name what it is for
	 * @param scopes what it may do; each must be one the maker has
	 * ({@link ScopeNotGrantableException} otherwise)
	 * @param expiresAt when it expires, or {@code null}; never after the maker token does
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
	 * Revokes one of a tenant's tokens ({@code token.revoked}): from its next request on
	 * it is refused.
	 * @param tenantId the tenant
	 * @param actor who revokes it: {@code usr_…}, {@code tok_…} or an external subject
	 * @param id the token
	 * @return the token as it was before, or empty when the tenant has no such token
	 */
	public Mono<ApiToken> revoke(TenantId tenantId, String actor, TokenId id) {
		return this.audit.recorded(tenantId, actor, "token.revoked", "token",
				this.tokens.findByTenantAndId(tenantId, id)
					.flatMap((before) -> this.tokens.revoke(tenantId, id).thenReturn(before)),
				(before) -> new AuditedChange(id.toString(), AuditedToken.of(before), null));
	}

	/**
	 * A token as the audit log shows it: never the token string.
	 *
	 * @param id its id
	 * @param name what it is for
	 * @param scopes what it may do
	 * @param createdAt when it was issued
	 * @param expiresAt when it expires, or {@code null}
	 * @param revokedAt when it was revoked, or {@code null}
	 */
	public record AuditedToken(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
			Instant revokedAt) {

		static AuditedToken of(ApiToken token) {
			return new AuditedToken(token.id().toString(), token.name(), token.scopes(), token.createdAt(),
					token.expiresAt(), token.revokedAt());
		}

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
