package io.switchboard.api.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.api.auth.AuthProperties.ExternalIssuer;
import io.switchboard.core.tenant.TenantRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * The issuers whose bearer tokens the API accepts, by their {@code iss}: Switchboard
 * itself and each configured external OpenID Connect issuer. A token of any other issuer
 * is refused (401 {@code invalid-token}).
 */
class TrustedIssuers implements ReactiveAuthenticationManagerResolver<String> {

	private final Map<String, ReactiveAuthenticationManager> managers = new LinkedHashMap<>();

	TrustedIssuers(AuthProperties properties, ReactiveJwtDecoder apiTokenDecoder,
			TokenAuthentication tokenAuthentication, TenantRepository tenants) {
		JwtReactiveAuthenticationManager own = new JwtReactiveAuthenticationManager(apiTokenDecoder);
		own.setJwtAuthenticationConverter(tokenAuthentication);
		this.managers.put(properties.issuer(), own);
		for (ExternalIssuer issuer : properties.issuers()) {
			JwtReactiveAuthenticationManager external = new JwtReactiveAuthenticationManager(new IssuerDecoder(issuer));
			external.setJwtAuthenticationConverter(new ExternalTokenAuthentication(issuer, tenants));
			this.managers.put(issuer.issuerUri().toString(), external);
		}
	}

	@Override
	public Mono<ReactiveAuthenticationManager> resolve(String issuer) {
		return Mono.justOrEmpty(this.managers.get(issuer));
	}

}
