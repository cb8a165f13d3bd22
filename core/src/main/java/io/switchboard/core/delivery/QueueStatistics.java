package io.switchboard.core.delivery;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * How much the queue holds, across tenants, for the metrics: deliveries waiting (pending
 * or retrying), how many of those are due now, how many are leased, and how long the
 * oldest due one has been waiting. Each count is answered from a partial index
 * ({@code delivery_due_by_destination}, {@code delivery_lease_expiry}).
 */
@Repository
public class QueueStatistics {

	/**
	 * Waiting: what a lease takes (the predicate of {@code delivery_due_by_destination}).
	 */
	private static final String SNAPSHOT = """
			SELECT
				(SELECT count(*) FROM delivery WHERE status IN %1$s) AS waiting,
				(SELECT count(*) FROM delivery
					WHERE status IN %1$s AND next_attempt_at <= now()) AS due,
				(SELECT min(next_attempt_at) FROM delivery
					WHERE status IN %1$s AND next_attempt_at <= now()) AS oldest_due,
				(SELECT count(*) FROM delivery WHERE status = %2$s) AS leased,
				now() AS now
			""".formatted(DeliveryStatus.sqlList(DeliveryTransition.LEASE.from()), DeliveryStatus.LEASED.sqlLiteral());

	private final DatabaseClient database;

	public QueueStatistics(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Reads the queue's state now.
	 * @return the snapshot
	 */
	public Mono<Snapshot> snapshot() {
		return this.database.sql(SNAPSHOT).map((row) -> {
			Instant oldestDue = row.get("oldest_due", Instant.class);
			Instant now = row.get("now", Instant.class);
			return new Snapshot(row.get("waiting", Long.class), row.get("due", Long.class),
					row.get("leased", Long.class),
					(oldestDue != null) ? Duration.between(oldestDue, now) : Duration.ZERO);
		}).one();
	}

	/**
	 * The queue at one moment.
	 *
	 * @param waiting deliveries pending or retrying, due or not
	 * @param due of those, the ones whose time has come
	 * @param leased deliveries a worker holds
	 * @param oldestDueAge how long the oldest due delivery has waited past its time
	 */
	public record Snapshot(long waiting, long due, long leased, Duration oldestDueAge) {

	}

}
