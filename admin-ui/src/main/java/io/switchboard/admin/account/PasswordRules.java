package io.switchboard.admin.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a password must be (12 to 200 characters, at least 5 different characters, not the
 * email address) and how it is stored (BCrypt, the same hashes the API checks).
 */
final class PasswordRules {

	static final PasswordEncoder ENCODER = new BCryptPasswordEncoder();

	private PasswordRules() {
	}

	static Optional<String> problem(String password, String email) {
		if (password == null || password.length() < 12 || password.length() > 200) {
			return Optional.of("Use 12 to 200 characters.");
		}
		if (password.chars().distinct().count() < 5) {
			return Optional.of("Use at least 5 different characters.");
		}
		if (email != null && password.toLowerCase(Locale.ROOT).contains(email.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("Don't use your email address in the password.");
		}
		return Optional.empty();
	}

}
