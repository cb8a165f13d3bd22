package io.switchboard.api.auth;

import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.TokenMaker;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into an authentication, after checking that Switchboard issued
 * it to that tenant, that neither it nor the token that minted it has been revoked, and
 * that its member is still in the tenant (looked up on every request, so a revocation or
 * a removal takes effect at once, on every process). Its scopes are those of its record
 * cut down to its member's current role, whatever the token's claims say.
 */
@Component
class TokenAuthentication implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final ApiTokens tokens;

	TokenAuthentication(ApiTokens tokens) {
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
		return this.tokens.findActive(tenantId, tokenId)
			.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException(
					"The token has been revoked or expired, or its member is no longer in the tenant")))
			.map((token) -> new CallerAuthentication(jwt,
					new ApiCaller(tenantId, tokenId.toString(), token.scopes(), false, TokenMaker.token(token))));
	}

}
