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
 * @param personAccess whether, and which, people signed in with email and password (HTTP
 * Basic) may call it without a token
 */
public record ScopeRule(HttpMethod method, List<String> patterns, List<Scope> scopes, PersonAccess personAccess) {

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
		return new ScopeRule(method, patterns, List.of(scopes), PersonAccess.NONE);
	}

	/**
	 * Endpoints any member (HTTP Basic, whatever their role) or a token with a scope may
	 * call; what the member may then do is their role's business (a viewer mints only
	 * read tokens).
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @param scope the scope
	 * @return the rule
	 */
	static ScopeRule anyMemberOr(HttpMethod method, List<String> patterns, Scope scope) {
		return new ScopeRule(method, patterns, List.of(scope), PersonAccess.ANY_ROLE);
	}

	/**
	 * Endpoints a member whose current role has a scope (HTTP Basic) or a token with it
	 * may call.
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @param scope the scope
	 * @return the rule
	 */
	static ScopeRule memberWithScopeOr(HttpMethod method, List<String> patterns, Scope scope) {
		return new ScopeRule(method, patterns, List.of(scope), PersonAccess.ROLE_WITH_SCOPE);
	}

	/**
	 * Endpoints anyone may call.
	 * @param method the HTTP method, or {@code null} for any
	 * @param patterns the path patterns
	 * @return the rule
	 */
	static ScopeRule open(HttpMethod method, List<String> patterns) {
		return new ScopeRule(method, patterns, List.of(), PersonAccess.NONE);
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
	 * Whether a person may call it with email and password (HTTP Basic).
	 * @return true if some may
	 */
	public boolean person() {
		return this.personAccess != PersonAccess.NONE;
	}

	/**
	 * Whether the endpoints are open to anyone.
	 * @return true if they need no credentials
	 */
	public boolean open() {
		return this.scopes.isEmpty();
	}

	/**
	 * Which people may call an endpoint with email and password (HTTP Basic).
	 */
	public enum PersonAccess {

		/** Nobody: a token is needed. */
		NONE,

		/** Any member of the tenant, whatever their role. */
		ANY_ROLE,

		/** A member whose current role has one of the rule's scopes. */
		ROLE_WITH_SCOPE

	}

	/**
	 * The scopes as written in tokens.
	 * @return such as {@code sources:write}
	 */
	public List<String> scopeValues() {
		return this.scopes.stream().map(Scope::value).toList();
	}

}
