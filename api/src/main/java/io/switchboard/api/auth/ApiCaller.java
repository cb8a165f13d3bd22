package io.switchboard.api.auth;

import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.token.TokenMaker;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the tenant (always from the credentials, never from the URL or body),
 * who acts ({@code usr_…} or {@code tok_…}) and what they may do.
 *
 * @param tenantId the tenant
 * @param actor who acts, for the audit log
 * @param scopes the scopes granted
 * @param person whether a person signed in with a password
 * @param maker who a token minted by this caller would be made by: the member, or the
 * member's token; {@code null} for an external issuer's token, which mints none
 */
public record ApiCaller(TenantId tenantId, String actor, Set<String> scopes, boolean person, TokenMaker maker) {

	/**
	 * The caller behind an authentication made by this module's security chain.
	 * @param authentication the authentication
	 * @return the caller
	 */
	public static ApiCaller of(Authentication authentication) {
		if (authentication instanceof CallerAuthentication token) {
			return token.caller();
		}
		if (authentication instanceof JwtAuthenticationToken token) {
			Set<String> scopes = token.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority.startsWith("SCOPE_"))
				.map((authority) -> authority.substring("SCOPE_".length()))
				.collect(Collectors.toUnmodifiableSet());
			return new ApiCaller(TenantId.parse(token.getToken().getClaimAsString("tenant")), token.getToken().getId(),
					scopes, false, null);
		}
		if (authentication.getPrincipal() instanceof TenantUserDetails details) {
			TokenMaker member = TokenMaker.member(details.user());
			return new ApiCaller(details.user().tenantId(), member.actor(), member.scopes(), true, member);
		}
		throw new IllegalStateException("Not an API authentication: " + authentication.getClass().getName());
	}

	/**
	 * The caller as the audit log names them.
	 * @return the actor
	 */
	public Actor asActor() {
		return new Actor(this.tenantId, this.actor);
	}

}
