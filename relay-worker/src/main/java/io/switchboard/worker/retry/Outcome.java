package io.switchboard.worker.retry;

/**
 * What a receiver's answer means for a delivery.
 */
public enum Outcome {

	/** The receiver took it: the delivery is done. */
	DELIVERED,

	/** It failed, and another attempt may succeed: try again on schedule. */
	RETRY,

	/**
	 * The destination no longer exists (410 Gone): disable the destination; its
	 * deliveries wait until it is enabled again.
	 */
	GONE,

	/** The receiver asked for no more attempts ({@code webhook-delivery: abort}). */
	ABORT

}
