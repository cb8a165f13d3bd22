package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a settle leaves a delivery: one of the statuses {@link DeliveryTransition#SETTLE}
 * reaches, and when the next attempt is due if there is one.
 *
 * @param status delivered, retrying, dead, or paused (its receiver is gone)
 * @param dueAt when the next attempt is due: set for {@code retrying} only
 * @param reason why it is dead when the attempt does not say
 * ({@value #MAX_AGE_EXCEEDED}), or {@code null}
 */
public record NextState(DeliveryStatus status, Instant dueAt, String reason) {

	/**
	 * The reason of a delivery that outlived its destination's max age: its
	 * {@code last_error} starts with it.
	 */
	public static final String MAX_AGE_EXCEEDED = "max-age-exceeded";

	/** Why a delivery went dead when its destination's transformation failed. */
	public static final String TRANSFORM_FAILED = "transform-failed";

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
		if (reason != null && status != DeliveryStatus.DEAD) {
			throw new IllegalArgumentException("Only a dead delivery has a reason: " + status + " " + reason);
		}
	}

	/**
	 * A state without a reason.
	 * @param status delivered, retrying, dead or paused
	 * @param dueAt when the next attempt is due: set for {@code retrying} only
	 */
	public NextState(DeliveryStatus status, Instant dueAt) {
		this(status, dueAt, null);
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
	 * No attempt follows: the delivery is older than its destination's max age, or would
	 * be by the time the next attempt is due.
	 * @return the state, reason {@value #MAX_AGE_EXCEEDED}
	 */
	public static NextState maxAgeExceeded() {
		return new NextState(DeliveryStatus.DEAD, null, MAX_AGE_EXCEEDED);
	}

	/**
	 * No attempt follows: the destination's transformation cannot make a body for this
	 * event, and would not on a retry either.
	 * @param why the transformation's error
	 * @return the state, reason {@value #TRANSFORM_FAILED} and the error
	 */
	public static NextState transformFailed(String why) {
		return new NextState(DeliveryStatus.DEAD, null, TRANSFORM_FAILED + ": " + why);
	}

	/**
	 * The receiver is gone: the delivery waits for its destination to be switched on.
	 * @return the state
	 */
	public static NextState paused() {
		return new NextState(DeliveryStatus.PAUSED, null);
	}

}
