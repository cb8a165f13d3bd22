package io.switchboard.admin.account;

import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an email and password against {@code app_user}, refusing an address that failed
 * too often lately before its password is even hashed.
 */
class ThrottledSignIn implements ReactiveAuthenticationManager {

	private final ReactiveAuthenticationManager passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(UserRepository users, PasswordEncoder encoder, SignInThrottle throttle) {
		UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				(email) -> users.findByEmail(email).map(Member::new));
		manager.setPasswordEncoder(encoder);
		this.passwords = manager;
		this.throttle = throttle;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String email = authentication.getName();
		if (this.throttle.locked(email)) {
			return Mono.error(new LockedException("Too many failed sign-ins"));
		}
		return this.passwords.authenticate(authentication)
			.doOnNext((signedIn) -> this.throttle.succeeded(email))
			.doOnError(BadCredentialsException.class, (ex) -> this.throttle.failed(email));
	}

}
