package io.switchboard.core.delivery;

/**
 * The attempt a leased delivery is for: the lease it is held under and where the attempt
 * stands in its series.
 *
 * @param leaseOwner the lease it is held under
 * @param attemptsMade attempts made so far in this series
 * @param series the attempt series (a replay starts a new one)
 * @param trigger {@code scheduled}, {@code manual} for a replayed series, or {@code test}
 */
public record LeasedAttempt(String leaseOwner, int attemptsMade, int series, String trigger) {

	/**
	 * The attempt's number in its series.
	 * @return {@code attemptsMade() + 1}
	 */
	public int number() {
		return this.attemptsMade + 1;
	}

}
