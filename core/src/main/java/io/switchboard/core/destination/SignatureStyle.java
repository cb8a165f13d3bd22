package io.switchboard.core.destination;

import java.util.Arrays;
import java.util.List;

/**
 * How a destination's deliveries are signed, and the headers each style sets: those are
 * Switchboard's, so a destination cannot set them itself and stored attempts hide their
 * values.
 */
public enum SignatureStyle {

	/**
	 * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} and
	 * {@code webhook-signature: v1,<base64>}, one entry per active secret.
	 */
	STANDARD_WEBHOOKS("standard-webhooks", "webhook-id", "webhook-timestamp", "webhook-signature"),

	/**
	 * As MiniVoice signs: {@code X-MiniVoice-Timestamp} and
	 * {@code X-MiniVoice-Signature: v1=<hex>} over {@code timestamp + "." + body}.
	 */
	MINIVOICE("minivoice", "X-MiniVoice-Timestamp", "X-MiniVoice-Signature"),

	/** As Minari signs: {@code X-Webhook-Signature: <hex>} over the body. */
	MINARI("minari", "X-Webhook-Signature"),

	/** No signature at all. */
	NONE("none");

	private final String key;

	private final List<String> headers;

	SignatureStyle(String key, String... headers) {
		this.key = key;
		this.headers = List.of(headers);
	}

	/**
	 * The headers this style sets on each request.
	 * @return their names, as sent
	 */
	public List<String> headers() {
		return this.headers;
	}

	/**
	 * Whether a header is one that some style sets.
	 * @param name a header name, any case
	 * @return {@code true} for a signature, id or timestamp header of any style
	 */
	public static boolean isSignatureHeader(String name) {
		return name != null && Arrays.stream(values())
			.flatMap((style) -> style.headers.stream())
			.anyMatch((header) -> header.equalsIgnoreCase(name));
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
	 * @throws IllegalArgumentException with a message for people if no style has that key
	 */
	public static SignatureStyle of(String key) {
		return Arrays.stream(values())
			.filter((style) -> style.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Pick a signature style: standard-webhooks, minivoice, minari or none; '" + key + "' is not one."));
	}

}
