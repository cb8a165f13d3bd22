package io.switchboard.admin.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.token.ApiToken;
import io.switchboard.core.token.ApiTokenRepository;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.Scope;
import io.switchboard.core.token.TokenMaker;
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

	private final RecordedChanges audit;

	TokensPage(ApiTokens apiTokens, ApiTokenRepository tokens, RecordedChanges audit) {
		this.apiTokens = apiTokens;
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping("/tokens")
	Mono<String> showTokens(@AuthenticationPrincipal Member member, Model model) {
		return page(member, new TokenForm("", Set.of(), 90), Map.of(), model);
	}

	@PostMapping("/tokens")
	Mono<String> issueToken(@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((data) -> {
			TokenForm form = TokenForm.of(data);
			Map<String, String> errors = form.errors();
			if (!errors.isEmpty()) {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return page(member, form, errors, model);
			}
			Instant expiresAt = (form.expiresInDays() > 0) ? Instant.now().plus(Duration.ofDays(form.expiresInDays()))
					: null;
			List<String> scopes = Scope.all().stream().filter(form.scopes()::contains).toList();
			return this.audit.recorded(member.tenantId(), member.actor(), "token.created", "token",
					this.apiTokens.issue(member.tenantId(), TokenMaker.member(member.user()), form.name().trim(),
							scopes, expiresAt),
					(issued) -> new AuditedChange(issued.record().id().toString(), null,
							Map.of("name", issued.record().name(), "scopes", scopes)))
				.flatMap((issued) -> {
					model.addAttribute("issued", issued.record());
					model.addAttribute("issuedToken", issued.token());
					String path = examplePath(scopes);
					if (path != null) {
						model.addAttribute("issuedCurl",
								"curl -H 'Authorization: Bearer " + issued.token() + "' \\\n  '"
										+ exchange.getRequest().getURI().getScheme() + "://"
										+ exchange.getRequest().getURI().getRawAuthority() + path + "'");
					}
					return page(member, new TokenForm("", Set.of(), 90), Map.of(), model);
				});
		});
	}

	@PostMapping("/tokens/{id}/revoke")
	Mono<String> revokeToken(@PathVariable String id, @AuthenticationPrincipal Member member) {
		TokenId tokenId = TokenId.parse(id);
		Mono<ApiToken> revoked = this.apiTokens.revoke(member.tenantId(), tokenId)
			.switchIfEmpty(Mono.error(new NotFound("token")));
		return this.audit
			.recorded(member.tenantId(), member.actor(), "token.revoked", "token", revoked,
					(before) -> new AuditedChange(id, Map.of("name", before.name(), "scopes", before.scopes()), null))
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
	 * @param expiresInDays days until it expires, 0 for never
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

		Map<String, String> errors() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (this.name.isBlank() || this.name.trim().length() > 200) {
				errors.put("name", "Name the token after what uses it, such as “CRM sync” (up to 200 characters).");
			}
			if (this.scopes.isEmpty()) {
				errors.put("scopes", "Tick at least one thing the token may do.");
			}
			else if (!this.scopes.stream().allMatch(Scope::isKnown)) {
				errors.put("scopes", "Tick only the scopes listed.");
			}
			if (!EXPIRIES.contains(this.expiresInDays)) {
				errors.put("expiresInDays", "Pick when the token expires.");
			}
			return errors;
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
