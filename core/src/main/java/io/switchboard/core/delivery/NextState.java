package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a settle leaves a delivery: one of the statuses {@link DeliveryTransition#SETTLE}
 * reaches, and when the next attempt is due if there is one.
 *
 * @param status delivered, retrying, dead, or paused (its receiver is gone)
 * @param dueAt when the next attempt is due: set for {@code retrying} only
 */
public record NextState(DeliveryStatus status, Instant dueAt) {

	/**
	 * Checks the state against the settle transition.
	 * @throws IllegalDeliveryTransition if a settle cannot end in {@code status}
	 * @throws IllegalArgumentException if {@code dueAt} is set for anything but a retry,
	 * or missing for a retry
	 */
	public NextState {
		DeliveryTransition.SETTLE.target(status);
		if ((status == DeliveryStatus.RETRYING) != (dueAt != null)) {
			throw new IllegalArgumentException("A retry, and only a retry, has a due time: " + status + " " + dueAt);
		}
	}

	/**
	 * The receiver took it.
	 * @return the state
	 */
	public static NextState delivered() {
		return new NextState(DeliveryStatus.DELIVERED, null);
	}

	/**
	 * Another attempt follows.
	 * @param dueAt when it is due
	 * @return the state
	 */
	public static NextState retryAt(Instant dueAt) {
		return new NextState(DeliveryStatus.RETRYING, Objects.requireNonNull(dueAt, "dueAt"));
	}

	/**
	 * No attempt follows.
	 * @return the state
	 */
	public static NextState dead() {
		return new NextState(DeliveryStatus.DEAD, null);
	}

	/**
	 * The receiver is gone: the delivery waits for its destination to be switched on.
	 * @return the state
	 */
	public static NextState paused() {
		return new NextState(DeliveryStatus.PAUSED, null);
	}

}
