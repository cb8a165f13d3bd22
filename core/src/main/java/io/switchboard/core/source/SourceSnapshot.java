package io.switchboard.core.source;

import java.util.List;

/**
 * A source as the audit log keeps it, whichever face changed it: its settings and whether
 * it is signed, never a secret or its inbound URL.
 *
 * @param id the id
 * @param name its name
 * @param provider who sends to it
 * @param enabled whether it accepts events
 * @param signed whether it has a secret
 * @param timestampToleranceSeconds the tolerance for signed timestamps
 * @param maxBodyBytes the largest body accepted
 * @param rateLimitPerSecond its rate limit, or {@code null} for the default
 * @param hmac a generic HMAC sender's scheme, or {@code null}
 * @param archiveAssets whether it archives the files its payloads link to
 * @param assetFields the fields holding those links
 */
public record SourceSnapshot(String id, String name, String provider, boolean enabled, boolean signed,
		long timestampToleranceSeconds, int maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac,
		boolean archiveAssets, List<String> assetFields) {

	static SourceSnapshot of(Source source) {
		return new SourceSnapshot(source.id().toString(), source.name(), source.provider().key(), source.enabled(),
				source.secret() != null, source.timestampTolerance().toSeconds(), source.maxBodyBytes(),
				source.rateLimitPerSecond(), source.hmac(), source.assets().enabled(), source.assets().fields());
	}

}
