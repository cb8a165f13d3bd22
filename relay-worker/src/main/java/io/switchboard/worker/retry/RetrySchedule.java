package io.switchboard.worker.retry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before each retry of a failed delivery: a fixed schedule, spread by
 * random jitter so that receivers recovering from an outage are not hit all at once.
 *
 * @param delays the waits before attempts 2, 3, …: the first attempt is immediate
 * @param jitter how far each wait may stray, as a fraction of it: each wait is multiplied
 * by {@code 1 + u}, {@code u} uniform in {@code [-jitter, +jitter)}; from 0 to 1
 * @param maxRetryAfter the longest wait a receiver's {@code Retry-After} can ask for
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {

	/** How much longer to wait after a timeout or a 429, as Svix does. */
	static final double OVERLOAD_PENALTY = 1.5;

	/** The longest {@code Retry-After} honoured unless a schedule says otherwise. */
	static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(1);

	private static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	private static final double DEFAULT_JITTER = 0.2;

	public RetrySchedule {
		delays = List.copyOf(Objects.requireNonNull(delays, "delays"));
		if (delays.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("Retry delays may not be negative");
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("Jitter must be from 0 to 1, not " + jitter);
		}
		if (Objects.requireNonNull(maxRetryAfter, "maxRetryAfter").isNegative()) {
			throw new IllegalArgumentException("The Retry-After cap may not be negative");
		}
	}

	/**
	 * A schedule that honours {@code Retry-After} up to one hour.
	 * @param delays the waits before attempts 2, 3, …
	 * @param jitter how far each wait may stray, as a fraction of it, from 0 to 1
	 */
	public RetrySchedule(List<Duration> delays, double jitter) {
		this(delays, jitter, DEFAULT_MAX_RETRY_AFTER);
	}

	/**
	 * The default: immediately, then about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
	 * (eight attempts over about a day), each ±20 %, {@code Retry-After} honoured up to
	 * one hour.
	 * @return the default schedule
	 */
	public static RetrySchedule defaults() {
		return new RetrySchedule(DEFAULT_DELAYS, DEFAULT_JITTER);
	}

	/**
	 * The most attempts a delivery gets, the first included.
	 * @return {@code 1 + delays().size()}
	 */
	public int maxAttempts() {
		return 1 + this.delays.size();
	}

	/**
	 * How long to wait before the next attempt: the scheduled wait, jittered, then
	 * multiplied by 1.5 when the receiver is overloaded; then, if the receiver asked to
	 * wait longer with {@code Retry-After}, that (at most {@link #maxRetryAfter()}).
	 * {@code Retry-After} never shortens the wait.
	 * @param attemptsMade how many attempts have failed, at least 1
	 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}; negative is
	 * ignored
	 * @param overloaded whether the last attempt timed out or was answered 429
	 * @param random the source of jitter
	 * @return the wait before attempt {@code attemptsMade + 1}, or empty when the
	 * schedule is exhausted
	 * @throws IllegalArgumentException if {@code attemptsMade} is less than 1
	 */
	public Optional<Duration> nextDelay(int attemptsMade, Duration retryAfter, boolean overloaded,
			RandomGenerator random) {
		if (attemptsMade < 1) {
			throw new IllegalArgumentException("A retry follows at least one attempt, not " + attemptsMade);
		}
		Objects.requireNonNull(random, "random");
		if (attemptsMade > this.delays.size()) {
			return Optional.empty();
		}
		double factor = 1 + this.jitter * (2 * random.nextDouble() - 1);
		if (overloaded) {
			factor *= OVERLOAD_PENALTY;
		}
		Duration delay = scaled(this.delays.get(attemptsMade - 1), factor);
		if (retryAfter != null && !retryAfter.isNegative()) {
			Duration asked = (retryAfter.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : retryAfter;
			if (asked.compareTo(delay) > 0) {
				delay = asked;
			}
		}
		return Optional.of(delay);
	}

	private static Duration scaled(Duration delay, double factor) {
		double seconds = (delay.getSeconds() + delay.getNano() / 1e9) * Math.max(0, factor);
		long wholeSeconds = (long) seconds;
		long nanos = Math.round((seconds - wholeSeconds) * 1e9);
		return Duration.ofSeconds(wholeSeconds, nanos);
	}

}
