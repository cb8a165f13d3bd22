package io.switchboard.api.auth;

import java.util.List;
import java.util.Optional;

import io.switchboard.core.token.Scope;

import org.springframework.http.HttpMethod;

/**
 * Which scope each {@code /api/v1} endpoint needs, first match wins: the one table the
 * security chain enforces and the OpenAPI document shows. An {@code /api/v1} endpoint no
 * rule matches is refused to every caller (403) until it gets one: a new endpoint cannot
 * be left open by mistake.
 */
public final class ScopeRules {

	private static final List<ScopeRule> RULES = List.of(ScopeRule.open(HttpMethod.POST, List.of("/api/v1/signup")),
			ScopeRule.anyMemberOr(HttpMethod.GET, List.of("/api/v1/audit-log"), Scope.TOKENS_WRITE),
			// any member mints a token, but only with scopes their role has (ApiTokens)
			ScopeRule.anyMemberOr(HttpMethod.GET, List.of("/api/v1/tokens"), Scope.TOKENS_WRITE),
			ScopeRule.anyMemberOr(HttpMethod.POST, List.of("/api/v1/tokens"), Scope.TOKENS_WRITE),
			ScopeRule.memberWithScopeOr(null, List.of("/api/v1/tokens", "/api/v1/tokens/**"), Scope.TOKENS_WRITE),
			ScopeRule.anyOf(null, List.of("/api/v1/sources", "/api/v1/sources/**"), Scope.SOURCES_WRITE),
			ScopeRule.anyOf(null, List.of("/api/v1/destinations", "/api/v1/destinations/**"), Scope.DESTINATIONS_WRITE),
			ScopeRule.anyOf(HttpMethod.POST, List.of("/api/v1/deliveries/replay", "/api/v1/deliveries/*/replay"),
					Scope.DELIVERIES_REPLAY),
			ScopeRule.anyOf(HttpMethod.GET, List.of("/api/v1/deliveries", "/api/v1/deliveries/**"),
					Scope.DELIVERIES_READ),
			ScopeRule.anyOf(HttpMethod.GET, List.of("/api/v1/events", "/api/v1/events/**", "/api/v1/rejections"),
					Scope.EVENTS_READ),
			// a job is followed by whoever may start one (bulk replay, destination test,
			// backfill)
			ScopeRule.anyOf(HttpMethod.GET, List.of("/api/v1/jobs/*"), Scope.DELIVERIES_READ, Scope.DELIVERIES_REPLAY,
					Scope.DESTINATIONS_WRITE, Scope.ROUTES_WRITE),
			ScopeRule.anyOf(null, List.of("/api/v1/routes", "/api/v1/routes/**"), Scope.ROUTES_WRITE),
			ScopeRule.anyOf(null, List.of("/api/v1/notification-channels", "/api/v1/notification-channels/**"),
					Scope.NOTIFICATIONS_WRITE),
			// issues are read with the deliveries, acted on by who fixes destinations
			ScopeRule.anyOf(HttpMethod.GET, List.of("/api/v1/issues", "/api/v1/issues/*"), Scope.DELIVERIES_READ),
			ScopeRule.anyOf(HttpMethod.POST, List.of("/api/v1/issues/*/acknowledge", "/api/v1/issues/*/resolve"),
					Scope.DESTINATIONS_WRITE));

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
