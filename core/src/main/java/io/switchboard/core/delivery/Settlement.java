package io.switchboard.core.delivery;

/**
 * A finished attempt to write down: the leased delivery, what came of the attempt, and
 * whether its receiver is gone.
 *
 * @param delivery the leased delivery
 * @param attempt what the attempt did and what follows
 * @param disableReason why the destination is switched off with the settle (its receiver
 * answered that it is gone), or {@code null} to leave it on
 */
public record Settlement(LeasedDelivery delivery, AttemptRecord attempt, String disableReason) {

	/**
	 * A settle can only end where {@link DeliveryTransition#SETTLE} allows.
	 * @throws IllegalDeliveryTransition if the attempt's next status is not one of them
	 */
	public Settlement {
		DeliveryTransition.SETTLE.target(attempt.nextStatus());
	}

	/**
	 * A finished attempt whose destination stays on.
	 * @param delivery the leased delivery
	 * @param attempt what the attempt did and what follows
	 */
	public Settlement(LeasedDelivery delivery, AttemptRecord attempt) {
		this(delivery, attempt, null);
	}

}
