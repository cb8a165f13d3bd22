package io.switchboard.core.delivery;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a delivery is in its life, as the {@code delivery.status} column names it. The
 * moves between them are the {@link DeliveryTransition}s.
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

	/**
	 * No attempt is left, the receiver refused it for good, or it outlived its
	 * destination's max age (final).
	 */
	DEAD;

	/** The statuses a delivery keeps until it is replayed. */
	public static final Set<DeliveryStatus> FINAL = Set.of(DELIVERED, DEAD);

	/**
	 * The status as stored.
	 * @return its column value
	 */
	public String columnValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The status as an SQL literal.
	 * @return its column value in single quotes
	 */
	public String sqlLiteral() {
		return "'" + columnValue() + "'";
	}

	/**
	 * Whether a delivery stays in this status until it is replayed.
	 * @return whether it is delivered or dead
	 */
	public boolean isFinal() {
		return FINAL.contains(this);
	}

	/**
	 * The status a column value names.
	 * @param columnValue the stored value
	 * @return the status
	 * @throws IllegalArgumentException if no status has that value
	 */
	public static DeliveryStatus of(String columnValue) {
		for (DeliveryStatus status : values()) {
			if (status.columnValue().equals(columnValue)) {
				return status;
			}
		}
		throw new IllegalArgumentException("No delivery status is called '" + columnValue + "'");
	}

	/**
	 * Statuses as an SQL list, in declaration order: {@code ('pending', 'retrying')}.
	 * @param statuses the statuses, at least one
	 * @return the list in parentheses
	 */
	public static String sqlList(Collection<DeliveryStatus> statuses) {
		if (statuses.isEmpty()) {
			throw new IllegalArgumentException("An SQL list needs at least one status");
		}
		return statuses.stream().sorted().map(DeliveryStatus::sqlLiteral).collect(Collectors.joining(", ", "(", ")"));
	}

}
