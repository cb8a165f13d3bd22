package io.switchboard.core.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a member of a tenant may do over the API, by role: the one rule that both a person
 * signing in with a password and every token they made are held to, read afresh on every
 * request. Owners and admins may use every scope; viewers only the read scopes. What only
 * owners may do (make, change or remove owners) is done in the portal and has no scope.
 */
public enum MemberRole {

	/** Runs the tenant: everything, including making other owners. */
	OWNER(Scope.values()),

	/** Changes configuration and sees secrets. */
	ADMIN(Scope.values()),

	/** Only looks. */
	VIEWER(Arrays.stream(Scope.values()).filter(Scope::readOnly).toArray(Scope[]::new));

	private final Set<String> scopes;

	MemberRole(Scope[] scopes) {
		this.scopes = Arrays.stream(scopes).map(Scope::value).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The role stored for a user.
	 * @param role {@code owner}, {@code admin} or {@code viewer}
	 * @return the role
	 */
	public static MemberRole of(String role) {
		return valueOf(role.toUpperCase(Locale.ROOT));
	}

	/**
	 * The role a person picked, if it names one.
	 * @param role such as {@code admin}, as stored and as forms send it
	 * @return the role, or empty when it names none
	 */
	public static Optional<MemberRole> named(String role) {
		return Arrays.stream(values()).filter((candidate) -> candidate.value().equals(role)).findFirst();
	}

	/**
	 * The role as stored for a user and shown to people.
	 * @return {@code owner}, {@code admin} or {@code viewer}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The scopes a member with this role may use and grant.
	 * @return scope values such as {@code events:read}
	 */
	public Set<String> scopes() {
		return this.scopes;
	}

}
