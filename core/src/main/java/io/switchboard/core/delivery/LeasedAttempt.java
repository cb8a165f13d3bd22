package io.switchboard.core.delivery;

import java.time.Instant;

/**
 * The attempt a leased delivery is for: the lease it is held under and where the attempt
 * stands in its series.
 *
 * @param leaseOwner the lease it is held under
 * @param attemptsMade attempts made so far in this series
 * @param series the attempt series (a replay starts a new one)
 * @param trigger {@code scheduled}, {@code manual} for a replayed series, or {@code test}
 * @param seriesStartedAt when the series started (the delivery was made, or replayed):
 * its max age counts from there
 */
public record LeasedAttempt(String leaseOwner, int attemptsMade, int series, String trigger, Instant seriesStartedAt) {

	/**
	 * The attempt's number in its series.
	 * @return {@code attemptsMade() + 1}
	 */
	public int number() {
		return this.attemptsMade + 1;
	}

}
