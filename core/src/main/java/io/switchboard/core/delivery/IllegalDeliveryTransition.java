package io.switchboard.core.delivery;

/**
 * A move between delivery statuses that its transition does not allow: a defect in the
 * code that asked for it, never a user's mistake.
 */
public class IllegalDeliveryTransition extends IllegalStateException {

	private final DeliveryTransition transition;

	private final DeliveryStatus from;

	private final DeliveryStatus to;

	IllegalDeliveryTransition(DeliveryTransition transition, DeliveryStatus from, DeliveryStatus to) {
		super(transition + " cannot take a delivery " + ((from != null) ? "from " + from + " " : "") + "to " + to
				+ " (it goes from " + transition.from() + " to " + transition.to() + ")");
		this.transition = transition;
		this.from = from;
		this.to = to;
	}

	/**
	 * The transition that refused.
	 * @return the transition
	 */
	public DeliveryTransition transition() {
		return this.transition;
	}

	/**
	 * The status the delivery was to leave.
	 * @return the status, or {@code null} when not known or new
	 */
	public DeliveryStatus from() {
		return this.from;
	}

	/**
	 * The status refused.
	 * @return the status
	 */
	public DeliveryStatus to() {
		return this.to;
	}

}
