package io.switchboard.core.user;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an email address must look like wherever a person gives one (sign-up, an
 * invitation): something, an {@code @}, a domain with a dot, no spaces, at most 320
 * characters.
 */
public final class EmailAddress {

	/** Most characters. */
	public static final int MAX_LENGTH = 320;

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private EmailAddress() {
	}

	/**
	 * What is wrong with an email address, if anything.
	 * @param email the address, as typed (spaces around it are ignored)
	 * @return a sentence for the person, or empty when it is fine
	 */
	public static Optional<String> problem(String email) {
		String address = (email != null) ? email.trim() : "";
		if (address.length() > MAX_LENGTH || !SHAPE.matcher(address).matches()) {
			return Optional.of("Give an email address such as ana@example.com.");
		}
		return Optional.empty();
	}

}
