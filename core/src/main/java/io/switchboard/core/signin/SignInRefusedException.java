package io.switchboard.core.signin;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused by the {@link SignInThrottle} before its password was looked at.
 */
public class SignInRefusedException extends LockedException {

	private final Duration retryAfter;

	SignInRefusedException(Duration retryAfter) {
		super("Too many failed sign-ins for this email or from this address; try again later");
		this.retryAfter = retryAfter;
	}

	/**
	 * How long until another attempt is looked at.
	 * @return the wait
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, at least one, for a {@code Retry-After} header.
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
