package io.switchboard.api.auth;

import java.net.URI;
import java.util.List;

import io.switchboard.core.token.ApiTokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API tokens are issued, and which other issuers' tokens are accepted.
 *
 * @param issuer the {@code iss} of the tokens Switchboard issues (and accepts)
 * @param issuers external OpenID Connect issuers whose tokens are accepted too
 */
@ConfigurationProperties("switchboard.auth")
public record AuthProperties(@DefaultValue(ApiTokens.DEFAULT_ISSUER) String issuer, List<ExternalIssuer> issuers) {

	public AuthProperties {
		issuers = (issuers != null) ? List.copyOf(issuers) : List.of();
		for (ExternalIssuer external : issuers) {
			if (external.issuerUri().toString().equals(issuer)) {
				throw new IllegalArgumentException("switchboard.auth.issuers[].issuer-uri " + external.issuerUri()
						+ " is Switchboard's own issuer (switchboard.auth.issuer)");
			}
		}
	}

	/**
	 * An external OpenID Connect issuer: its keys are discovered from
	 * {@code <issuer-uri>/.well-known/openid-configuration} on first use and cached.
	 *
	 * @param issuerUri the issuer, exactly as in its tokens' {@code iss}
	 * @param tenantClaim the claim that holds the Switchboard tenant id ({@code ten_…})
	 * @param scopeClaim the claim that holds the scopes: a space-separated string or an
	 * array (default {@code scope})
	 * @param audience the {@code aud} its tokens must name, or none to not check
	 */
	public record ExternalIssuer(URI issuerUri, String tenantClaim, @DefaultValue("scope") String scopeClaim,
			String audience) {

		public ExternalIssuer {
			if (issuerUri == null) {
				throw new IllegalArgumentException("switchboard.auth.issuers[].issuer-uri is required");
			}
			if (tenantClaim == null || tenantClaim.isBlank()) {
				throw new IllegalArgumentException(
						"switchboard.auth.issuers[].tenant-claim is required for issuer " + issuerUri);
			}
		}

	}

}
