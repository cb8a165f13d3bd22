package io.switchboard.admin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per email address: after {@code maxFailures} within
 * {@code window}, further attempts for that address are refused until the window has
 * passed, whatever the password. Per process, like the session store.
 */
class SignInThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	SignInThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	boolean locked(String email) {
		Failures recent = this.failures.get(key(email));
		return recent != null && recent.count() >= this.maxFailures && !expired(recent);
	}

	void failed(String email) {
		Instant now = this.clock.instant();
		if (this.failures.size() > 100_000) {
			this.failures.values().removeIf(this::expired);
		}
		this.failures.merge(key(email), new Failures(1, now),
				(old, one) -> expired(old) ? one : new Failures(old.count() + 1, old.since()));
	}

	void succeeded(String email) {
		this.failures.remove(key(email));
	}

	private boolean expired(Failures recent) {
		return recent.since().plus(this.window).isBefore(this.clock.instant());
	}

	private static String key(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
	}

	private record Failures(int count, Instant since) {

	}

}
