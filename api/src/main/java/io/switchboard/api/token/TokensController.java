package io.switchboard.api.token;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.token.ApiToken;
import io.switchboard.core.token.ApiTokenRepository;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.ScopeNotGrantableException;
import io.switchboard.core.token.TokenRequest;
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

	TokensController(ApiTokens apiTokens, ApiTokenRepository tokens) {
		this.apiTokens = apiTokens;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<IssuedToken> createToken(@RequestBody CreateTokenRequest request, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		if (caller.maker() == null) {
			return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "member-required",
					"Only a member of the tenant, or a token of theirs, mints Switchboard tokens."));
		}
		return this.apiTokens
			.issue(caller.tenantId(), caller.maker(),
					new TokenRequest(request.name(), request.scopes(), request.expiresInDays()))
			.onErrorMap(ScopeNotGrantableException.class, (ex) -> new ApiProblem(HttpStatus.FORBIDDEN,
					"insufficient-scope",
					"A token cannot be given '" + ex.scope() + "': "
							+ (caller.person() ? "your role does not have it."
									: "the token asking does not have it, or its member's role no longer does.")))
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
		return this.apiTokens.revoke(caller.tenantId(), caller.actor(), TokenId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("token")))
			.then();
	}

	record CreateTokenRequest(
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = ApiTokens.NAME_MAX_LENGTH) String name,
			@ArraySchema(minItems = 1,
					arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
							description = "what it may do, such as events:read")) List<String> scopes,
			@Schema(description = "days until it expires; none for never", minimum = "1",
					maximum = "3650") Integer expiresInDays) {

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
