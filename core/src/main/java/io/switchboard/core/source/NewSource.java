package io.switchboard.core.source;

import java.time.Duration;

/**
 * What it takes to create a source.
 *
 * @param name its name
 * @param provider who sends to it
 * @param secret the signing secret, or {@code null} for an unsigned MiniVoice source
 * @param timestampTolerance how far a signed timestamp may be from now
 * @param maxBodyBytes the largest body accepted
 * @param hmac the generic HMAC scheme, only for {@link Provider#HMAC}
 * @param assets which payload fields hold links to archive
 */
public record NewSource(String name, Provider provider, String secret, Duration timestampTolerance, int maxBodyBytes,
		HmacScheme hmac, AssetArchiving assets) {

	/**
	 * A source that archives what its provider's sources archive by default.
	 */
	public NewSource(String name, Provider provider, String secret, Duration timestampTolerance, int maxBodyBytes,
			HmacScheme hmac) {
		this(name, provider, secret, timestampTolerance, maxBodyBytes, hmac, AssetArchiving.defaultFor(provider));
	}

	/** The default tolerance for signed timestamps. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	/** The default body size limit: 1 MiB. */
	public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

	/**
	 * A source with the default tolerance and size limit.
	 * @param name its name
	 * @param provider who sends to it
	 * @param secret the signing secret, or {@code null}
	 * @return the new source's description
	 */
	public static NewSource of(String name, Provider provider, String secret) {
		return new NewSource(name, provider, secret, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES, null);
	}

}
