package io.switchboard.core.signature;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a signed timestamp may be from now, in the past or the future, before a valid
 * signature is treated as a replay.
 */
final class TimestampTolerance {

	/** The tolerance when a source sets none. */
	static final Duration DEFAULT = Duration.ofMinutes(5);

	private final Duration tolerance;

	/**
	 * A tolerance.
	 * @param tolerance the largest accepted distance, inclusive, or {@code null} for
	 * {@link #DEFAULT}
	 */
	TimestampTolerance(Duration tolerance) {
		this.tolerance = (tolerance != null) ? tolerance : DEFAULT;
	}

	/**
	 * Checks a signed timestamp.
	 * @param signedAt the timestamp the request was signed with
	 * @param now the current time
	 * @return verified when within the tolerance, otherwise rejected as out of tolerance
	 */
	Verification check(Instant signedAt, Instant now) {
		Duration skew = Duration.between(now, signedAt);
		if (skew.abs().compareTo(this.tolerance) <= 0) {
			return Verification.verified();
		}
		String direction = skew.isNegative() ? "old" : "in the future";
		return Verification.rejected(RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE,
				"The signed timestamp is " + skew.abs().toSeconds() + " seconds " + direction + "; at most "
						+ this.tolerance.toSeconds() + " seconds are accepted");
	}

}
