package io.switchboard.admin.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.token.ApiTokenRepository;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.Scope;
import io.switchboard.core.token.TokenMaker;
import io.switchboard.core.token.TokenRequest;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /tokens}: the tenant's API tokens. Owners and admins issue one with the scopes
 * it needs (ticked boxes) and an optional expiry; the token is shown once, with a copy
 * button and a {@code curl} that uses it, and never again. Revoking is confirmed and
 * takes effect on the token's next request. Viewers see the list only.
 */
@Controller
class TokensPage {

	/** The expiries offered, in days; 0 is never. */
	static final List<Integer> EXPIRIES = List.of(30, 90, 365, 0);

	private final ApiTokens apiTokens;

	private final ApiTokenRepository tokens;

	TokensPage(ApiTokens apiTokens, ApiTokenRepository tokens) {
		this.apiTokens = apiTokens;
		this.tokens = tokens;
	}

	@GetMapping("/tokens")
	Mono<String> showTokens(@AuthenticationPrincipal Member member, Model model) {
		return page(member, new TokenForm("", Set.of(), 90), Map.of(), model);
	}

	@PostMapping("/tokens")
	Mono<String> issueToken(@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((data) -> {
			TokenForm form = TokenForm.of(data);
			return this.apiTokens.issue(member.tenantId(), TokenMaker.member(member.user()), form.request())
				.flatMap((issued) -> {
					model.addAttribute("issued", issued.record());
					model.addAttribute("issuedToken", issued.token());
					String path = examplePath(issued.record().scopes());
					if (path != null) {
						model.addAttribute("issuedCurl",
								"curl -H 'Authorization: Bearer " + issued.token() + "' \\\n  '"
										+ exchange.getRequest().getURI().getScheme() + "://"
										+ exchange.getRequest().getURI().getRawAuthority() + path + "'");
					}
					return page(member, new TokenForm("", Set.of(), 90), Map.of(), model);
				})
				.onErrorResume(InvalidInput.class, (ex) -> {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					return page(member, form, ex.errors(), model);
				});
		});
	}

	@PostMapping("/tokens/{id}/revoke")
	Mono<String> revokeToken(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.apiTokens.revoke(member.tenantId(), member.actor(), TokenId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("token")))
			.thenReturn("redirect:/tokens?revoked");
	}

	/**
	 * A list the token may read, for the {@code curl} shown with it.
	 */
	private static String examplePath(List<String> scopes) {
		return scopes.stream().map(EXAMPLES::get).filter((path) -> path != null).findFirst().orElse(null);
	}

	private static final Map<String, String> EXAMPLES = Map.of("events:read", "/api/v1/events?limit=5",
			"deliveries:read", "/api/v1/deliveries?limit=5", "sources:write", "/api/v1/sources", "destinations:write",
			"/api/v1/destinations", "routes:write", "/api/v1/routes", "tokens:write", "/api/v1/tokens");

	private Mono<String> page(Member member, TokenForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("scopes", Scope.values());
		model.addAttribute("expiries", EXPIRIES);
		model.addAttribute("now", Instant.now());
		return this.tokens.findAllByTenant(member.tenantId())
			.collectList()
			.doOnNext((all) -> model.addAttribute("tokens", all))
			.thenReturn("tokens/tokens");
	}

	/**
	 * The form that issues a token.
	 *
	 * @param name what it is for
	 * @param scopes the scopes ticked
	 * @param expiresInDays days until it expires, 0 for never, -1 when not a number
	 */
	record TokenForm(String name, Set<String> scopes, int expiresInDays) {

		static TokenForm of(MultiValueMap<String, String> data) {
			String name = (data.getFirst("name") != null) ? data.getFirst("name") : "";
			List<String> scopes = (data.get("scopes") != null) ? data.get("scopes") : List.of();
			int days;
			try {
				days = Integer.parseInt(String.valueOf(data.getFirst("expiresInDays")));
			}
			catch (NumberFormatException ex) {
				days = -1;
			}
			return new TokenForm(name, Set.copyOf(scopes), days);
		}

		/**
		 * What the form asks for: "never" (0) is no expiry.
		 * @return the request
		 */
		TokenRequest request() {
			return new TokenRequest(this.name, List.copyOf(this.scopes),
					(this.expiresInDays != 0) ? this.expiresInDays : null);
		}

		/**
		 * Whether a scope is ticked, for the form.
		 * @param scope the scope
		 * @return whether it is
		 */
		public boolean has(Scope scope) {
			return this.scopes.contains(scope.value());
		}

	}

}
