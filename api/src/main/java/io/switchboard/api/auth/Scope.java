package io.switchboard.api.auth;

import java.util.Arrays;
import java.util.List;

/**
 * What an API token may do.
 */
public enum Scope {

	/** Read events. */
	EVENTS_READ("events:read"),

	/** Read deliveries and their attempts. */
	DELIVERIES_READ("deliveries:read"),

	/** Replay deliveries. */
	DELIVERIES_REPLAY("deliveries:replay"),

	/** Read and change sources. */
	SOURCES_WRITE("sources:write"),

	/** Read and change destinations. */
	DESTINATIONS_WRITE("destinations:write"),

	/** Read and change routes. */
	ROUTES_WRITE("routes:write"),

	/** Issue, list and revoke API tokens. */
	TOKENS_WRITE("tokens:write");

	private final String value;

	Scope(String value) {
		this.value = value;
	}

	/**
	 * The scope as written in tokens.
	 * @return such as {@code sources:write}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The authority Spring Security grants for it.
	 * @return {@code SCOPE_<value>}
	 */
	public String authority() {
		return "SCOPE_" + this.value;
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
