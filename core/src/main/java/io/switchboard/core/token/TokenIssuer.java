package io.switchboard.core.token;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes API tokens: RS256 JWTs with {@code iss}, {@code sub}, {@code tenant},
 * {@code scope}, {@code jti}, {@code iat} and, when they expire, {@code exp}.
 */
@Component
class TokenIssuer {

	private final SigningKeys keys;

	private final String issuer;

	TokenIssuer(SigningKeys keys, @Value("${switchboard.auth.issuer:" + ApiTokens.DEFAULT_ISSUER + "}") String issuer) {
		this.keys = keys;
		this.issuer = issuer;
	}

	String issue(TenantId tenantId, TokenId id, String subject, List<String> scopes, Instant issuedAt,
			Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(subject)
			.claim("tenant", tenantId.toString())
			.claim("scope", String.join(" ", scopes))
			.jwtID(id.toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime((expiresAt != null) ? Date.from(expiresAt) : null)
			.build();
		RSAKey key = this.keys.current();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
		return jwt.serialize();
	}

}
