package io.switchboard.core.source;

import java.util.Arrays;

/**
 * Who sends to a source, and so how its requests are signed.
 */
public enum Provider {

	/**
	 * MiniVoice: {@code X-MiniVoice-Signature: v1=<hex>} over
	 * {@code timestamp + "." + body}.
	 */
	MINIVOICE("minivoice"),

	/** Minari: {@code X-Webhook-Signature: <hex>} over the body. */
	MINARI("minari"),

	/**
	 * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp},
	 * {@code webhook-signature}.
	 */
	STANDARD_WEBHOOKS("standard-webhooks"),

	/** Any sender that signs the body with an HMAC in a header we are told about. */
	HMAC("hmac");

	private final String key;

	Provider(String key) {
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
	 * The provider a key names.
	 * @param key the key
	 * @return the provider
	 * @throws IllegalArgumentException if no provider has that key
	 */
	public static Provider of(String key) {
		return Arrays.stream(values())
			.filter((provider) -> provider.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Pick who sends to this source: minivoice, minari, standard-webhooks or hmac."));
	}

}
