package io.switchboard.api.auth;

import java.util.List;

import io.switchboard.core.token.Scope;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What one group of API endpoints needs.
 *
 * @param method the HTTP method, or {@code null} for any
 * @param patterns the path patterns, as Spring Security matches them
 * @param scopes the scopes a token needs one of; none for an open endpoint
 * @param person whether a person signed in with email and password (HTTP Basic) may call
 * it without a token
 */
public record ScopeRule(HttpMethod method, List<String> patterns, List<Scope> scopes, boolean person) {

	public ScopeRule {
		patterns = List.copyOf(patterns);
		scopes = List.copyOf(scopes);
	}

	/**
	 * Endpoints a token with one of some scopes may call.
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @param scopes the scopes, any one of which suffices
	 * @return the rule
	 */
	static ScopeRule anyOf(HttpMethod method, List<String> patterns, Scope... scopes) {
		return new ScopeRule(method, patterns, List.of(scopes), false);
	}

	/**
	 * Endpoints a person (HTTP Basic) or a token with a scope may call.
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @param scope the scope
	 * @return the rule
	 */
	static ScopeRule personOr(HttpMethod method, List<String> patterns, Scope scope) {
		return new ScopeRule(method, patterns, List.of(scope), true);
	}

	/**
	 * Endpoints anyone may call.
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @return the rule
	 */
	static ScopeRule open(HttpMethod method, List<String> patterns) {
		return new ScopeRule(method, patterns, List.of(), false);
	}

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
		return this.scopes.isEmpty();
	}

	/**
	 * The scopes as written in tokens.
	 * @return such as {@code sources:write}
	 */
	public List<String> scopeValues() {
		return this.scopes.stream().map(Scope::value).toList();
	}

}
