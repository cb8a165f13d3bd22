package io.switchboard.core.source;

import java.util.List;

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
 * @param archiveAssets whether to archive the files its payloads link to ({@code null}:
 * as its provider's sources do)
 * @param assetFields the JSON pointers of the fields holding those links ({@code null}:
 * its provider's)
 */
public record SourceDraft(String name, String provider, String secret, Boolean generateSecret,
		Integer timestampToleranceSeconds, Integer maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac,
		Boolean archiveAssets, List<String> assetFields) {

	/**
	 * A draft that archives as its provider's sources do.
	 */
	public SourceDraft(String name, String provider, String secret, Boolean generateSecret,
			Integer timestampToleranceSeconds, Integer maxBodyBytes, Integer rateLimitPerSecond, HmacScheme hmac) {
		this(name, provider, secret, generateSecret, timestampToleranceSeconds, maxBodyBytes, rateLimitPerSecond, hmac,
				null, null);
	}

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
