package io.switchboard.api.auth;

import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Lets through a person signed in with email and password, or a token with a scope: how
 * {@code /api/v1/tokens} is reached the first time (there is no token yet) and after.
 */
class PersonOrScope implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final Scope scope;

	PersonOrScope(Scope scope) {
		this.scope = scope;
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
					.anyMatch((authority) -> authority.getAuthority().equals(this.scope.authority())));
	}

}
