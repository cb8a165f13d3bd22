package io.switchboard.api.auth;

import java.util.List;
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
 * Lets through a person signed in with email and password, or a token with one of some
 * scopes: how {@code /api/v1/tokens} is reached the first time (there is no token yet)
 * and after.
 */
class PersonOrScope implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final Set<String> authorities;

	PersonOrScope(List<Scope> scopes) {
		this.authorities = scopes.stream().map(Scope::authority).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.map((auth) -> (AuthorizationResult) new AuthorizationDecision(allowed(auth)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	private boolean allowed(Authentication authentication) {
		return authentication.isAuthenticated()
				&& (authentication.getPrincipal() instanceof TenantUserDetails || authentication.getAuthorities()
					.stream()
					.anyMatch((authority) -> this.authorities.contains(authority.getAuthority())));
	}

}
