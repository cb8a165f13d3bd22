package io.switchboard.api.auth;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified bearer token, Switchboard's own or an external issuer's, and the caller it
 * stands for.
 */
final class CallerAuthentication extends JwtAuthenticationToken {

	private final ApiCaller caller;

	CallerAuthentication(Jwt jwt, ApiCaller caller) {
		super(jwt, caller.scopes().stream().map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList(),
				caller.actor());
		this.caller = caller;
	}

	ApiCaller caller() {
		return this.caller;
	}

}
