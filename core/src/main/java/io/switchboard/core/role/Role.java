package io.switchboard.core.role;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a Switchboard process does. One jar plays any set of roles.
 */
public enum Role {

	/** The inbound endpoint {@code POST /in/{token}} and the REST API {@code /api/v1}. */
	API,

	/** The delivery engine that leases, sends, retries and dead-letters deliveries. */
	WORKER,

	/** The tenant portal. */
	UI;

	/**
	 * The role a configuration value names, case-insensitively.
	 * @param text {@code api}, {@code worker} or {@code ui}
	 * @return the role
	 * @throws IllegalArgumentException naming the roles there are
	 */
	public static Role of(String text) {
		String name = text.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((role) -> role.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown role '" + text.trim() + "' in switchboard.roles; "
					+ "the roles are " + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "))));
	}

	/**
	 * The name used in configuration.
	 * @return the lower-case name
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
