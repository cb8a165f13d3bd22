package io.switchboard.core.signin;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Checks an email and password with another manager, but first asks the
 * {@link SignInThrottle}: an email or a client address that failed too often lately is
 * refused ({@link SignInRefusedException}) before the password is hashed. The portal's
 * form sign-in and the API's HTTP Basic both sign in through one of these, on one shared
 * throttle.
 */
public class ThrottledSignIn implements ReactiveAuthenticationManager {

	private final ReactiveAuthenticationManager passwords;

	private final SignInThrottle throttle;

	private final Function<ContextView, Optional<String>> clientAddress;

	/**
	 * A throttled sign-in.
	 * @param passwords checks the password
	 * @param throttle the shared throttle
	 * @param clientAddress reads the client's address from the subscriber's context (the
	 * web layer's request)
	 */
	public ThrottledSignIn(ReactiveAuthenticationManager passwords, SignInThrottle throttle,
			Function<ContextView, Optional<String>> clientAddress) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.clientAddress = clientAddress;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String email = authentication.getName();
		return Mono.deferContextual((context) -> {
			String address = this.clientAddress.apply(context).orElse(null);
			Optional<Duration> refusal = this.throttle.refusal(email, address);
			if (refusal.isPresent()) {
				return Mono.error(new SignInRefusedException(refusal.get()));
			}
			return this.passwords.authenticate(authentication)
				.doOnNext((signedIn) -> this.throttle.succeeded(email))
				.doOnError(BadCredentialsException.class, (ex) -> this.throttle.failed(email, address));
		});
	}

}
