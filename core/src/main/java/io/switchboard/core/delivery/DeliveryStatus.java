package io.switchboard.core.delivery;

import java.util.Locale;

/**
 * Where a delivery is in its life, as the {@code delivery.status} column names it.
 */
public enum DeliveryStatus {

	/** Waiting for its first attempt. */
	PENDING,

	/** An attempt failed; another is due at {@code next_attempt_at}. */
	RETRYING,

	/** A worker holds it under a lease. */
	LEASED,

	/** Its destination is switched off; it goes on when the destination is on again. */
	PAUSED,

	/** The receiver accepted it (final). */
	DELIVERED,

	/** No attempt is left, or the receiver refused it for good (final). */
	DEAD;

	/**
	 * The status as stored.
	 * @return its column value
	 */
	public String columnValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
