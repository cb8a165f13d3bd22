package io.switchboard.core.destination;

import java.util.Arrays;

/**
 * The kind of receiver a destination is; each has visible, editable defaults.
 */
public enum DestinationKind {

	/** A Zapier "Catch Hook". */
	ZAPIER("zapier"),

	/** An n8n Webhook node. */
	N8N("n8n"),

	/** A Make custom webhook. */
	MAKE("make"),

	/** Any other HTTPS endpoint. */
	CUSTOM("custom");

	private final String key;

	DestinationKind(String key) {
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
	 * The kind a key names.
	 * @param key the key
	 * @return the kind
	 */
	public static DestinationKind of(String key) {
		return Arrays.stream(values())
			.filter((kind) -> kind.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Pick zapier, n8n, make or custom."));
	}

}
