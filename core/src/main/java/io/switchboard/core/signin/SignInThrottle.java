package io.switchboard.core.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts wrong passwords per email and per client address: after too many within the
 * lockout, further attempts for that email, or from that address, are refused until the
 * lockout has passed, whatever the password, and before it is hashed. Memory is bounded:
 * at most {@code maxTracked} emails and as many addresses are remembered (an email is
 * kept to its first 320 characters), the least recently failed forgotten first. Per
 * process.
 */
public class SignInThrottle {

	/** The longest email address there can be; longer input is cut to it. */
	static final int MAX_EMAIL_LENGTH = 320;

	private final SignInProperties properties;

	private final Clock clock;

	private final Cache<String, Failures> byEmail;

	private final Cache<String, Failures> byAddress;

	public SignInThrottle(SignInProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.byEmail = cache(properties, clock);
		this.byAddress = cache(properties, clock);
	}

	private static Cache<String, Failures> cache(SignInProperties properties, Clock clock) {
		return Caffeine.newBuilder()
			.maximumSize(properties.maxTracked())
			.expireAfterWrite(properties.lockout())
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Whether a sign-in must be refused without looking at its password.
	 * @param email the email given
	 * @param address the client's address, or {@code null} when unknown
	 * @return how long until it may try again, or empty when it may try now
	 */
	public Optional<Duration> refusal(String email, String address) {
		Optional<Duration> forEmail = wait(this.byEmail.getIfPresent(emailKey(email)), this.properties.maxFailures());
		if (forEmail.isPresent() || address == null) {
			return forEmail;
		}
		return wait(this.byAddress.getIfPresent(address), this.properties.maxFailuresPerAddress());
	}

	/**
	 * Counts a wrong password (or an unknown email).
	 * @param email the email given
	 * @param address the client's address, or {@code null} when unknown
	 */
	public void failed(String email, String address) {
		count(this.byEmail, emailKey(email));
		if (address != null) {
			count(this.byAddress, address);
		}
	}

	/**
	 * Forgets an email's failures once its password was right. The address's failures
	 * stay: one good account must not reset the count of someone trying many.
	 * @param email the email
	 */
	public void succeeded(String email) {
		this.byEmail.invalidate(emailKey(email));
	}

	/**
	 * How many emails and addresses are remembered now (after pending evictions).
	 * @return their number
	 */
	long tracked() {
		this.byEmail.cleanUp();
		this.byAddress.cleanUp();
		return this.byEmail.estimatedSize() + this.byAddress.estimatedSize();
	}

	private void count(Cache<String, Failures> cache, String key) {
		Instant now = this.clock.instant();
		cache.asMap()
			.merge(key, new Failures(1, now),
					(old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, old.since()));
	}

	private Optional<Duration> wait(Failures failures, int max) {
		Instant now = this.clock.instant();
		if (failures == null || failures.count() < max || expired(failures, now)) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, failures.since().plus(this.properties.lockout())));
	}

	private boolean expired(Failures failures, Instant now) {
		return !failures.since().plus(this.properties.lockout()).isAfter(now);
	}

	private static String emailKey(String email) {
		String key = (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
		return (key.length() > MAX_EMAIL_LENGTH) ? key.substring(0, MAX_EMAIL_LENGTH) : key;
	}

	private record Failures(int count, Instant since) {

	}

}
