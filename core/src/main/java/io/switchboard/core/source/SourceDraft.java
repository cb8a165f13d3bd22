package io.switchboard.core.source;

/**
 * A new source as someone asked for it, not yet checked; {@code null} settings take the
 * defaults.
 *
 * @param name what people call it
 * @param provider a {@link Provider} key
 * @param secret the provider's secret, when it made one
 * @param generateSecret whether Switchboard makes the secret ({@code null}: when the
 * provider expects it to)
 * @param timestampToleranceSeconds how far a signed timestamp may be from now
 * @param maxBodyBytes the largest body accepted
 * @param rateLimitPerSecond the most requests a second
 * @param hmac a generic HMAC sender's header, algorithm, encoding and prefix
 */
public record SourceDraft(String name, String provider, String secret, Boolean generateSecret,
		Integer timestampToleranceSeconds, Integer maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac) {

	/**
	 * A source with the default tolerance, body limit and rate limit, its secret made as
	 * its provider expects.
	 * @param name what people call it
	 * @param provider a {@link Provider} key
	 * @param secret the provider's secret, or {@code null}
	 * @param hmac a generic HMAC sender's scheme, or {@code null}
	 * @return the draft
	 */
	public static SourceDraft withDefaults(String name, String provider, String secret, HmacScheme hmac) {
		return new SourceDraft(name, provider, secret, null, null, null, null, hmac);
	}

	@Override
	public String toString() {
		return "SourceDraft[" + this.name + ", " + this.provider + "]";
	}

}
