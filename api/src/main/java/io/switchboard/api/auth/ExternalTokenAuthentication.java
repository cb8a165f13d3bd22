package io.switchboard.api.auth;

import io.switchboard.api.auth.AuthProperties.ExternalIssuer;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.tenant.TenantRepository;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified token of an external issuer into an authentication: the tenant from
 * the issuer's tenant claim (it must name a tenant that exists), the scopes from its
 * scope claim. The caller acts as {@code oidc:<sub>} in the audit log.
 */
class ExternalTokenAuthentication implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final ExternalIssuer issuer;

	private final TenantRepository tenants;

	ExternalTokenAuthentication(ExternalIssuer issuer, TenantRepository tenants) {
		this.issuer = issuer;
		this.tenants = tenants;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		TenantId tenantId;
		try {
			tenantId = TenantId.parse(jwt.getClaimAsString(this.issuer.tenantClaim()));
		}
		catch (MalformedIdException ex) {
			return Mono.error(new InvalidBearerTokenException(
					"The token's claim '" + this.issuer.tenantClaim() + "' names no Switchboard tenant"));
		}
		ApiCaller caller = new ApiCaller(tenantId, "oidc:" + jwt.getSubject(),
				ScopeClaim.read(jwt, this.issuer.scopeClaim()), false, null);
		return this.tenants.findById(tenantId)
			.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("The token names an unknown tenant")))
			.map((tenant) -> new CallerAuthentication(jwt, caller));
	}

}
