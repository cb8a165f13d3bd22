package io.switchboard.api.auth;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What one group of API endpoints needs.
 *
 * @param method the HTTP method, or {@code null} for any
 * @param patterns the path patterns, as Spring Security matches them
 * @param scope the scope a token needs, or {@code null} for an open endpoint
 * @param person whether a person signed in with email and password (HTTP Basic) may call
 * it without a token
 */
public record ScopeRule(HttpMethod method, List<String> patterns, Scope scope, boolean person) {

	/**
	 * Whether a request is governed by this rule.
	 * @param method the request's method
	 * @param path the request's path (a documented path such as
	 * {@code /api/v1/sources/{id}} works too)
	 * @return true if it is
	 */
	public boolean matches(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return (this.method == null || this.method.equals(method)) && this.patterns.stream()
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
	}

	/**
	 * Whether the endpoints are open to anyone.
	 * @return true if they need no credentials
	 */
	public boolean open() {
		return this.scope == null;
	}

}
