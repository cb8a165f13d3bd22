package io.switchboard.core.token;

import java.util.Arrays;
import java.util.List;

/**
 * What an API token may do.
 */
public enum Scope {

	/** Read events. */
	EVENTS_READ("events:read", "Read events and their payloads"),

	/** Read deliveries and their attempts. */
	DELIVERIES_READ("deliveries:read", "Read deliveries and their attempts"),

	/** Replay deliveries. */
	DELIVERIES_REPLAY("deliveries:replay", "Replay deliveries, one or in bulk"),

	/** Read and change sources. */
	SOURCES_WRITE("sources:write", "Read and change sources, including their secrets"),

	/** Read and change destinations. */
	DESTINATIONS_WRITE("destinations:write", "Read and change destinations; send test events"),

	/** Read and change routes. */
	ROUTES_WRITE("routes:write", "Read and change routes"),

	/** Read and change notification channels. */
	NOTIFICATIONS_WRITE("notifications:write", "Read and change notification channels; send test notices"),

	/** Issue, list and revoke API tokens. */
	TOKENS_WRITE("tokens:write", "Issue, list and revoke API tokens");

	private final String value;

	private final String description;

	Scope(String value, String description) {
		this.value = value;
		this.description = description;
	}

	/**
	 * The scope as written in tokens.
	 * @return such as {@code sources:write}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * What it allows, in a few words for people.
	 * @return such as "Read and change routes"
	 */
	public String description() {
		return this.description;
	}

	/**
	 * The authority Spring Security grants for it.
	 * @return {@code SCOPE_<value>}
	 */
	public String authority() {
		return "SCOPE_" + this.value;
	}

	/**
	 * Whether the scope only reads (what a viewer may do).
	 * @return true for {@code events:read} and {@code deliveries:read}
	 */
	public boolean readOnly() {
		return this.value.endsWith(":read");
	}

	/**
	 * Every scope's value.
	 * @return the values, such as {@code events:read}
	 */
	public static List<String> all() {
		return Arrays.stream(values()).map(Scope::value).toList();
	}

	/**
	 * Whether a text names a scope.
	 * @param value the text
	 * @return true if it does
	 */
	public static boolean isKnown(String value) {
		return Arrays.stream(values()).anyMatch((scope) -> scope.value.equals(value));
	}

}
