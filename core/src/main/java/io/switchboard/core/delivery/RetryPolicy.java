package io.switchboard.core.delivery;

import java.time.Duration;
import java.util.List;

/**
 * A destination's retry policy.
 *
 * @param delays the waits before the 2nd, 3rd, … attempt
 */
public record RetryPolicy(List<Duration> delays) {

	public RetryPolicy {
		delays = List.copyOf(delays);
	}

	/**
	 * A policy from the column's milliseconds.
	 * @param delaysMillis the waits before the 2nd, 3rd, … attempt, in milliseconds
	 * @return the policy
	 */
	public static RetryPolicy ofMillis(List<Integer> delaysMillis) {
		return new RetryPolicy(delaysMillis.stream().map(Duration::ofMillis).toList());
	}

}
