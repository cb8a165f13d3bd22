package io.switchboard.core.source;

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
 */
public record SourceSnapshot(String id, String name, String provider, boolean enabled, boolean signed,
		long timestampToleranceSeconds, int maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac) {

	static SourceSnapshot of(Source source) {
		return new SourceSnapshot(source.id().toString(), source.name(), source.provider().key(), source.enabled(),
				source.secret() != null, source.timestampTolerance().toSeconds(), source.maxBodyBytes(),
				source.rateLimitPerSecond(), source.hmac());
	}

}
