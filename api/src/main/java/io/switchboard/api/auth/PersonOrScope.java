package io.switchboard.api.auth;

import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.core.token.Scope;
import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Lets through a member signed in with email and password (any member, or one whose
 * current role has one of some scopes), or a token with one of those scopes: how
 * {@code /api/v1/tokens} is reached the first time (there is no token yet) and after.
 */
class PersonOrScope implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final Set<String> scopes;

	private final Set<String> authorities;

	private final boolean anyRole;

	PersonOrScope(ScopeRule rule) {
		this.scopes = Set.copyOf(rule.scopeValues());
		this.authorities = rule.scopes().stream().map(Scope::authority).collect(Collectors.toUnmodifiableSet());
		this.anyRole = rule.personAccess() == ScopeRule.PersonAccess.ANY_ROLE;
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.map((auth) -> (AuthorizationResult) new AuthorizationDecision(allowed(auth)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	private boolean allowed(Authentication authentication) {
		if (!authentication.isAuthenticated()) {
			return false;
		}
		if (authentication.getPrincipal() instanceof TenantUserDetails member) {
			return this.anyRole || member.role().scopes().stream().anyMatch(this.scopes::contains);
		}
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> this.authorities.contains(authority.getAuthority()));
	}

}
