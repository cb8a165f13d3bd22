package io.switchboard.api.token;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.switchboard.api.audit.AuditTrail;
import io.switchboard.api.audit.AuditTrail.Change;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.token.ApiToken;
import io.switchboard.core.token.ApiTokenRepository;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.Scope;
import io.switchboard.core.token.ScopeNotGrantableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: a member (HTTP Basic) or a token with {@code tokens:write}
 * issues, lists and revokes the tenant's API tokens. A token never grants more than its
 * maker has now (a member's role, or a token's own scopes) and never outlives the token
 * that minted it ({@link ApiTokens}).
 */
@RestController
class TokensController {

	private final ApiTokens apiTokens;

	private final ApiTokenRepository tokens;

	private final AuditTrail audit;

	TokensController(ApiTokens apiTokens, ApiTokenRepository tokens, AuditTrail audit) {
		this.apiTokens = apiTokens;
		this.tokens = tokens;
		this.audit = audit;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<IssuedToken> createToken(@Valid @RequestBody CreateTokenRequest request, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		for (String scope : request.scopes()) {
			if (!Scope.isKnown(scope)) {
				return Mono.error(ApiProblem.invalid("scopes",
						"unknown scope '" + scope + "'; the scopes are " + String.join(", ", Scope.all())));
			}
		}
		if (caller.maker() == null) {
			return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "member-required",
					"Only a member of the tenant, or a token of theirs, mints Switchboard tokens."));
		}
		Instant expiresAt = (request.expiresInDays() != null)
				? Instant.now().plus(Duration.ofDays(request.expiresInDays())) : null;
		Mono<ApiTokens.Issued> issued = this.apiTokens
			.issue(caller.tenantId(), caller.maker(), request.name().trim(), List.copyOf(request.scopes()), expiresAt)
			.onErrorMap(ScopeNotGrantableException.class,
					(ex) -> new ApiProblem(HttpStatus.FORBIDDEN, "insufficient-scope",
							"A token cannot be given '" + ex.scope() + "': " + (caller.person()
									? "your role does not have it."
									: "the token asking does not have it, or its member's role no longer does.")));
		return this.audit
			.recorded(caller, "token.created", "token", issued,
					(made) -> new Change(made.record().id().toString(), null, TokenView.of(made.record())))
			.map((made) -> new IssuedToken(made.record().id().toString(), made.record().name(), made.token(),
					made.record().scopes(), made.record().createdAt(), made.record().expiresAt()));
	}

	@GetMapping("/api/v1/tokens")
	Flux<TokenView> listTokens(Principal principal) {
		return this.tokens.findAllByTenant(ApiCaller.of((Authentication) principal).tenantId()).map(TokenView::of);
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revokeToken(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		TokenId tokenId = TokenId.parse(id);
		Mono<ApiToken> revoked = this.apiTokens.revoke(caller.tenantId(), tokenId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("token")));
		return this.audit
			.recorded(caller, "token.revoked", "token", revoked, (before) -> new Change(id, TokenView.of(before), null))
			.then();
	}

	record CreateTokenRequest(@NotBlank @Size(max = 200) String name, @NotEmpty List<@NotBlank String> scopes,
			@Min(1) @Max(3650) Integer expiresInDays) {

	}

	record IssuedToken(String id, String name, String token, List<String> scopes, Instant createdAt,
			Instant expiresAt) {

	}

	record TokenView(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
			Instant revokedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.id().toString(), token.name(), token.scopes(), token.createdAt(),
					token.expiresAt(), token.revokedAt());
		}

	}

}
