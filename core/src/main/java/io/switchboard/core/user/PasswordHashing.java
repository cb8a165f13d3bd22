package io.switchboard.core.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way passwords are hashed and checked, for every way in (API sign-up and HTTP
 * Basic, portal sign-up and sign-in, an accepted invitation): BCrypt. What a password
 * must be is {@link PasswordRule}'s.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
