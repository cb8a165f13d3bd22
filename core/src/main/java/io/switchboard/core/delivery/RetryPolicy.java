package io.switchboard.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A destination's retry policy.
 *
 * @param delays the waits before the 2nd, 3rd, … attempt
 * @param maxAge how long a delivery is tried, from the start of its attempt series
 */
public record RetryPolicy(List<Duration> delays, Duration maxAge) {

	public RetryPolicy {
		delays = List.copyOf(delays);
		Objects.requireNonNull(maxAge, "maxAge");
	}

	/**
	 * A policy from the destination's columns.
	 * @param delaysMillis the waits before the 2nd, 3rd, … attempt, in milliseconds
	 * @param maxAgeSeconds the max age, in seconds
	 * @return the policy
	 */
	static RetryPolicy of(List<Integer> delaysMillis, int maxAgeSeconds) {
		return new RetryPolicy(delaysMillis.stream().map(Duration::ofMillis).toList(),
				Duration.ofSeconds(maxAgeSeconds));
	}

}
