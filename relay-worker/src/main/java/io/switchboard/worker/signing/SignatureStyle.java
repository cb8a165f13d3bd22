package io.switchboard.worker.signing;

import java.util.Arrays;

/**
 * How a destination's deliveries are signed.
 */
public enum SignatureStyle {

	/**
	 * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} and
	 * {@code webhook-signature: v1,<base64>}, one entry per active secret.
	 */
	STANDARD_WEBHOOKS("standard-webhooks"),

	/**
	 * As MiniVoice signs: {@code X-MiniVoice-Timestamp} and
	 * {@code X-MiniVoice-Signature: v1=<hex>} over {@code timestamp + "." + body}.
	 */
	MINIVOICE("minivoice"),

	/** As Minari signs: {@code X-Webhook-Signature: <hex>} over the body. */
	MINARI("minari"),

	/** No signature at all. */
	NONE("none");

	private final String key;

	SignatureStyle(String key) {
		this.key = key;
	}

	/**
	 * The name used in the API and the database.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The style a key names.
	 * @param key the key
	 * @return the style
	 * @throws IllegalArgumentException if no style has that key
	 */
	public static SignatureStyle of(String key) {
		return Arrays.stream(values())
			.filter((style) -> style.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown signature style '" + key + "'"));
	}

}
