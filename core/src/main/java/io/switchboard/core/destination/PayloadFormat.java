package io.switchboard.core.destination;

import java.util.Arrays;

/**
 * What body a destination receives.
 */
public enum PayloadFormat {

	/** The provider's bytes, untouched. */
	ORIGINAL("original"),

	/** Switchboard's normalized call event, the same for every provider. */
	NORMALIZED("normalized");

	private final String key;

	PayloadFormat(String key) {
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
	 * The format a key names.
	 * @param key the key
	 * @return the format
	 * @throws IllegalArgumentException with a message for people if no format has that
	 * key
	 */
	public static PayloadFormat of(String key) {
		return Arrays.stream(values())
			.filter((format) -> format.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Pick original or normalized."));
	}

}
