package io.switchboard.admin.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the portal stores and checks passwords: BCrypt, the same hashes the API checks.
 * What a password must be is {@link io.switchboard.core.user.PasswordRule}'s.
 */
final class PasswordHashes {

	static final PasswordEncoder ENCODER = new BCryptPasswordEncoder();

	private PasswordHashes() {
	}

}
