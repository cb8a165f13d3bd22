package io.switchboard.api.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * Which scope each {@code /api/v1} endpoint needs, first match wins: the one table the
 * security chain enforces and the OpenAPI document shows. An endpoint no rule matches
 * needs only a valid token.
 */
public final class ScopeRules {

	private static final List<ScopeRule> RULES = List.of(
			new ScopeRule(HttpMethod.POST, List.of("/api/v1/signup"), null, false),
			new ScopeRule(HttpMethod.GET, List.of("/api/v1/audit-log"), Scope.TOKENS_WRITE, true),
			new ScopeRule(null, List.of("/api/v1/tokens", "/api/v1/tokens/**"), Scope.TOKENS_WRITE, true),
			new ScopeRule(null, List.of("/api/v1/sources", "/api/v1/sources/**"), Scope.SOURCES_WRITE, false),
			new ScopeRule(null, List.of("/api/v1/destinations", "/api/v1/destinations/**"), Scope.DESTINATIONS_WRITE,
					false),
			new ScopeRule(HttpMethod.POST, List.of("/api/v1/deliveries/*/replay"), Scope.DELIVERIES_REPLAY, false),
			new ScopeRule(HttpMethod.GET, List.of("/api/v1/deliveries", "/api/v1/deliveries/**"), Scope.DELIVERIES_READ,
					false),
			new ScopeRule(HttpMethod.GET, List.of("/api/v1/events", "/api/v1/events/**", "/api/v1/rejections"),
					Scope.EVENTS_READ, false),
			new ScopeRule(null, List.of("/api/v1/routes", "/api/v1/routes/**"), Scope.ROUTES_WRITE, false));

	private ScopeRules() {
	}

	/**
	 * Every rule, in the order they are tried.
	 * @return the rules
	 */
	public static List<ScopeRule> all() {
		return RULES;
	}

	/**
	 * The rule for a request.
	 * @param method its method
	 * @param path its path
	 * @return the first rule that matches, if any
	 */
	public static Optional<ScopeRule> find(HttpMethod method, String path) {
		return RULES.stream().filter((rule) -> rule.matches(method, path)).findFirst();
	}

}
