package io.switchboard.core.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

	private static final String EVENTS_BY_HOUR = """
			SELECT date_trunc('hour', received_at, 'UTC') AS hour, count(*) AS events
			FROM event WHERE tenant_id = :tenantId AND received_at >= :since
			GROUP BY 1
			""";

	private static final String DELIVERIES_BY_HOUR = """
			SELECT date_trunc('hour', created_at, 'UTC') AS hour, status, count(*) AS deliveries
			FROM delivery
			WHERE tenant_id = :tenantId AND created_at >= :since
			GROUP BY 1, 2
			""";

	private static final String LATENCY_BY_HOUR = """
			SELECT date_trunc('hour', started_at, 'UTC') AS hour,
				percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
				percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
			FROM delivery_attempt
			WHERE tenant_id = :tenantId AND started_at >= :since AND duration_ms IS NOT NULL
			GROUP BY 1
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
	 * A tenant's activity hour by hour, for the dashboard's charts: the hour that holds
	 * {@code until} and the ones before it, oldest first, each present even when nothing
	 * happened in it.
	 * @param tenantId the tenant
	 * @param until a moment in the last hour
	 * @param hours how many hours
	 * @return one entry an hour
	 */
	public Mono<List<Hour>> hourly(TenantId tenantId, Instant until, int hours) {
		Instant first = until.truncatedTo(ChronoUnit.HOURS).minus(hours - 1, ChronoUnit.HOURS);
		Mono<Map<Instant, Long>> events = this.database.sql(EVENTS_BY_HOUR)
			.bind("tenantId", tenantId.uuid())
			.bind("since", first)
			.map((row) -> Map.entry(row.get("hour", Instant.class), row.get("events", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Instant, Map<String, Long>>> deliveries = this.database.sql(DELIVERIES_BY_HOUR)
			.bind("tenantId", tenantId.uuid())
			.bind("since", first)
			.map((row) -> new StatusCount(row.get("hour", Instant.class), row.get("status", String.class),
					row.get("deliveries", Long.class)))
			.all()
			.collect(HashMap::new, (byHour, count) -> byHour.computeIfAbsent(count.hour(), (hour) -> new TreeMap<>())
				.put(count.status(), count.count()));
		Mono<Map<Instant, Double[]>> latency = this.database.sql(LATENCY_BY_HOUR)
			.bind("tenantId", tenantId.uuid())
			.bind("since", first)
			.map((row) -> Map.entry(row.get("hour", Instant.class),
					new Double[] { row.get("p50", Double.class), row.get("p95", Double.class) }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(events, deliveries, latency).map((all) -> {
			List<Hour> result = new ArrayList<>(hours);
			for (int i = 0; i < hours; i++) {
				Instant hour = first.plus(i, ChronoUnit.HOURS);
				Double[] percentiles = all.getT3().getOrDefault(hour, new Double[2]);
				result.add(new Hour(hour, all.getT1().getOrDefault(hour, 0L), all.getT2().getOrDefault(hour, Map.of()),
						percentiles[0], percentiles[1]));
			}
			return result;
		});
	}

	private record StatusCount(Instant hour, String status, long count) {

	}

	/**
	 * One hour's activity.
	 *
	 * @param start when the hour starts
	 * @param events events received
	 * @param deliveriesByStatus deliveries made, by their status now
	 * @param p50Ms median attempt latency, or {@code null} without attempts
	 * @param p95Ms 95th percentile attempt latency, or {@code null} without attempts
	 */
	public record Hour(Instant start, long events, Map<String, Long> deliveriesByStatus, Double p50Ms, Double p95Ms) {

		/**
		 * Deliveries made in the hour with a status.
		 * @param status such as {@code delivered}
		 * @return how many
		 */
		public long deliveries(String status) {
			return this.deliveriesByStatus.getOrDefault(status, 0L);
		}

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
