package io.switchboard.api.source;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.Source;

/**
 * A source as the API shows it. The secret appears only in the answer that made it.
 *
 * @param id the id
 * @param name its name
 * @param provider who sends to it
 * @param inboundUrl where the provider posts
 * @param unsigned a MiniVoice source without a secret: the URL alone authenticates
 * @param awaitingSecret a signed source still waiting for its provider's secret
 * @param enabled whether it accepts events
 * @param timestampToleranceSeconds how far a signed timestamp may be from now
 * @param maxBodyBytes the largest body accepted
 * @param rateLimitPerSecond its rate limit, or null for the installation's default
 * @param hmac the generic HMAC scheme, or null
 * @param previousSecretExpiresAt until when the secret before the last rotation verifies
 * @param createdAt when it was created
 * @param previousInboundUrlExpiresAt until when the inbound URL before the last rotation
 * is still accepted
 * @param secret the secret, only right after Switchboard generated it
 * @param archiveAssets whether the files its payloads link to are archived
 * @param assetFields the JSON pointers of the fields holding those links
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SourceView(String id, String name, String provider, String inboundUrl, boolean unsigned, boolean awaitingSecret,
		boolean enabled, long timestampToleranceSeconds, int maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac,
		Instant previousSecretExpiresAt, Instant createdAt, Instant previousInboundUrlExpiresAt, String secret,
		boolean archiveAssets, List<String> assetFields) {

	static SourceView of(Source source, String inboundUrl, String revealedSecret) {
		Instant previousExpires = (source.previousSecretExpiresAt() != null
				&& source.previousSecretExpiresAt().isAfter(Instant.now())) ? source.previousSecretExpiresAt() : null;
		return new SourceView(source.id().toString(), source.name(), source.provider().key(), inboundUrl,
				source.unsigned(), source.awaitingSecret(), source.enabled(), source.timestampTolerance().toSeconds(),
				source.maxBodyBytes(), source.rateLimitPerSecond(), source.hmac(), previousExpires, source.createdAt(),
				source.previousInboundTokenValidUntil(Instant.now()), revealedSecret, source.assets().enabled(),
				source.assets().fields());
	}

}
