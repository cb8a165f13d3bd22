package io.switchboard.core.delivery;

import java.util.Objects;

/**
 * A finished attempt to write down: the leased delivery, what the attempt did, where it
 * leaves the delivery, and whether its receiver is gone. A delivery that outlived its max
 * age before an attempt started settles without one.
 *
 * @param delivery the leased delivery
 * @param attempt what the attempt did, or {@code null} when none was made
 * @param next where it leaves the delivery
 * @param disableReason why the destination is switched off with the settle (its receiver
 * answered that it is gone), or {@code null} to leave it on
 */
public record Settlement(LeasedDelivery delivery, AttemptRecord attempt, NextState next, String disableReason) {

	public Settlement {
		Objects.requireNonNull(delivery, "delivery");
		Objects.requireNonNull(next, "next");
	}

	/**
	 * A leased delivery older than its destination's max age: dead, no attempt made.
	 * @param delivery the leased delivery
	 * @return the settlement
	 */
	public static Settlement outlived(LeasedDelivery delivery) {
		return new Settlement(delivery, null, NextState.maxAgeExceeded(), null);
	}

	/**
	 * A finished attempt whose destination stays on.
	 * @param delivery the leased delivery
	 * @param attempt what the attempt did
	 * @param next where it leaves the delivery
	 */
	public Settlement(LeasedDelivery delivery, AttemptRecord attempt, NextState next) {
		this(delivery, attempt, next, null);
	}

}
