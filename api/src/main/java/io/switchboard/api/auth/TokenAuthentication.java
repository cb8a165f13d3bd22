package io.switchboard.api.auth;

import java.time.Instant;

import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.token.ApiTokenRepository;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into an authentication, after checking that Switchboard issued
 * it to that tenant and it has not been revoked (its {@code jti} is looked up on every
 * request, so a revocation takes effect at once, on every process).
 */
@Component
class TokenAuthentication implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final ApiTokenRepository tokens;

	TokenAuthentication(ApiTokenRepository tokens) {
		this.tokens = tokens;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		TenantId tenantId;
		TokenId tokenId;
		try {
			tenantId = TenantId.parse(jwt.getClaimAsString("tenant"));
			tokenId = TokenId.parse(jwt.getId());
		}
		catch (MalformedIdException ex) {
			return Mono.error(new InvalidBearerTokenException("The token names no Switchboard tenant or token id"));
		}
		return this.tokens.findByTenantAndId(tenantId, tokenId)
			.filter((token) -> token.activeAt(Instant.now()))
			.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("The token has been revoked or expired")))
			.map((token) -> new CallerAuthentication(jwt,
					new ApiCaller(tenantId, tokenId.toString(), ScopeClaim.read(jwt, "scope"), false)));
	}

}
