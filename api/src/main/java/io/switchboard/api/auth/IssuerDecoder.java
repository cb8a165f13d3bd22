package io.switchboard.api.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.switchboard.api.auth.AuthProperties.ExternalIssuer;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies an external issuer's tokens with the keys its OpenID configuration points to.
 * Nothing is fetched until the first token arrives, so Switchboard starts while the
 * issuer is down; the keys are then cached (and fetched again for an unknown key id).
 * When discovery or the key fetch fails, the next token tries afresh.
 */
class IssuerDecoder implements ReactiveJwtDecoder {

	private final ExternalIssuer issuer;

	private final AtomicReference<ReactiveJwtDecoder> current = new AtomicReference<>();

	IssuerDecoder(ExternalIssuer issuer) {
		this.issuer = issuer;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		ReactiveJwtDecoder decoder = this.current.updateAndGet((existing) -> (existing != null) ? existing : create());
		return decoder.decode(token).onErrorResume((ex) -> {
			if (ex instanceof JwtException && !(ex instanceof BadJwtException)) {
				this.current.compareAndSet(decoder, null);
			}
			return Mono.error(ex);
		});
	}

	private ReactiveJwtDecoder create() {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withIssuerLocation(this.issuer.issuerUri().toString())
			.build();
		decoder.setJwtValidator(validator());
		return decoder;
	}

	private OAuth2TokenValidator<Jwt> validator() {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(this.issuer.issuerUri().toString()));
		String audience = this.issuer.audience();
		if (audience != null && !audience.isBlank()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.contains(audience)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}
