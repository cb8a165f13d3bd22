package io.switchboard.core.user;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be, for every way in (API sign-up, portal sign-up, an accepted
 * invitation): 12 to 200 characters, at least 5 different characters, not containing the
 * email address.
 */
public final class PasswordRule {

	/** Fewest characters. */
	public static final int MIN_LENGTH = 12;

	/** Most characters (BCrypt reads 72 bytes; the rest is still compared as typed). */
	public static final int MAX_LENGTH = 200;

	private PasswordRule() {
	}

	/**
	 * What is wrong with a password, if anything.
	 * @param password the password
	 * @param email the email it goes with, or {@code null}
	 * @return a sentence for the person, or empty when it is fine
	 */
	public static Optional<String> problem(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return Optional.of("Use " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
		}
		if (password.chars().distinct().count() < 5) {
			return Optional.of("Use at least 5 different characters.");
		}
		if (email != null && !email.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(email.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("Don't use your email address in the password.");
		}
		return Optional.empty();
	}

}
