package io.switchboard.core.history;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's activity since a moment, for the portal's dashboard: events received,
 * deliveries made by their status now, and the latency of the attempts sent.
 */
@Repository
public class DeliveryStats {

	private static final String EVENTS = """
			SELECT count(*) AS events FROM event WHERE tenant_id = :tenantId AND received_at >= :since
			""";

	private static final String DELIVERIES = """
			SELECT status, count(*) AS deliveries
			FROM delivery
			WHERE tenant_id = :tenantId AND created_at >= :since
			GROUP BY status
			""";

	private static final String LATENCY = """
			SELECT count(*) AS attempts,
				percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
				percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
			FROM delivery_attempt
			WHERE tenant_id = :tenantId AND started_at >= :since AND duration_ms IS NOT NULL
			""";

	private final DatabaseClient database;

	public DeliveryStats(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A tenant's activity since a moment.
	 * @param tenantId the tenant
	 * @param since the start of the period
	 * @return the figures
	 */
	public Mono<Activity> since(TenantId tenantId, Instant since) {
		Mono<Long> events = this.database.sql(EVENTS)
			.bind("tenantId", tenantId.uuid())
			.bind("since", since)
			.map((row) -> row.get("events", Long.class))
			.one();
		Mono<Map<String, Long>> byStatus = this.database.sql(DELIVERIES)
			.bind("tenantId", tenantId.uuid())
			.bind("since", since)
			.map((row) -> Map.entry(row.get("status", String.class), row.get("deliveries", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
		Mono<Activity> latency = this.database.sql(LATENCY)
			.bind("tenantId", tenantId.uuid())
			.bind("since", since)
			.map((row) -> new Activity(0, Map.of(), row.get("attempts", Long.class), row.get("p50", Double.class),
					row.get("p95", Double.class)))
			.one();
		return Mono.zip(events, byStatus, latency)
			.map((all) -> new Activity(all.getT1(), all.getT2(), all.getT3().attempts(), all.getT3().p50Ms(),
					all.getT3().p95Ms()));
	}

	/**
	 * Activity over a period.
	 *
	 * @param events events received
	 * @param deliveriesByStatus deliveries made, by their status now
	 * @param attempts attempts sent
	 * @param p50Ms median attempt latency, or {@code null} without attempts
	 * @param p95Ms 95th percentile attempt latency, or {@code null} without attempts
	 */
	public record Activity(long events, Map<String, Long> deliveriesByStatus, long attempts, Double p50Ms,
			Double p95Ms) {

	}

}
