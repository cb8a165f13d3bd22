package io.switchboard.core.role;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

/**
 * The roles this process plays, read from {@code switchboard.roles} (a comma-separated
 * list; default all of them).
 *
 * @param active the roles switched on
 */
public record Roles(Set<Role> active) {

	/** The property that lists the roles. */
	public static final String PROPERTY = "switchboard.roles";

	/** The roles when none are configured. */
	public static final String DEFAULT = "api,worker,ui";

	public Roles {
		active = Collections.unmodifiableSet(EnumSet.copyOf(active));
	}

	/**
	 * The roles the environment configures.
	 * @param environment the environment
	 * @return the roles
	 * @throws IllegalArgumentException if a role is unknown or none is given
	 */
	public static Roles from(Environment environment) {
		return parse(environment.getProperty(PROPERTY, DEFAULT));
	}

	static Roles parse(String text) {
		Set<Role> roles = Arrays.stream(text.split(","))
			.filter((part) -> !part.isBlank())
			.map(Role::of)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		if (roles.isEmpty()) {
			throw new IllegalArgumentException(PROPERTY + " names no role; give one or more of " + DEFAULT);
		}
		return new Roles(roles);
	}

	/**
	 * Whether this process plays a role.
	 * @param role the role
	 * @return true if it does
	 */
	public boolean has(Role role) {
		return this.active.contains(role);
	}

	@Override
	public String toString() {
		return this.active.stream().map(Role::key).collect(Collectors.joining(","));
	}

}
