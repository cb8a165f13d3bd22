package io.switchboard.bench.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.switchboard.bench.setup.BenchTenant;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * Seeds a tenant's history by SQL ({@code generate_series}): events spread over the last
 * 30 days alternating between its two sources and between {@code call.created} and
 * {@code call.completed}, two calls' events per call id, and two deliveries per event
 * (one per destination): 93 % delivered, 5 % dead, 2 % retrying (due in a hundred years,
 * so the worker leaves them alone). Rows are written in chunks, then analysed.
 */
final class HistorySeed {

	private static final int CHUNK = 100_000;

	private static final String SEED = """
			WITH stored AS (
				INSERT INTO event (tenant_id, id, source_id, dedup_key, event_type, call_id, content_type, headers, body,
					received_at, occurred_at)
				SELECT '%1$s', %2$s,
					CASE WHEN g %% 1000 = 0 THEN '%15$s'::uuid WHEN g %% 2 = 0 THEN '%3$s'::uuid ELSE '%4$s'::uuid END,
					'history:' || g,
					CASE WHEN g %% 1000 = 1 THEN 'call.transferred' WHEN (g / 2) %% 2 = 0 THEN 'call.created'
						ELSE 'call.completed' END,
					'call_h' || (g / 4),
					'application/json', '{}', convert_to(repeat('h', 300), 'UTF8'), ts, ts
				FROM (SELECT g, now() - interval '30 days' + g * (interval '30 days' / %5$s) AS ts
					FROM generate_series(%6$s, %7$s) g) AS seeded
				RETURNING tenant_id, id, source_id, event_type, call_id, received_at
			)
			INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, event_type, call_id,
				ordering, status, attempt_count, next_attempt_at, last_attempt_at, last_response_status, created_at,
				updated_at, finished_at)
			SELECT s.tenant_id, %8$s, s.id, route.route_id, target.destination_id, s.source_id, s.event_type,
				s.call_id, 'none', outcome.status, outcome.attempts,
				CASE WHEN outcome.status = 'retrying' THEN now() + interval '100 years' ELSE s.received_at END,
				s.received_at, CASE WHEN outcome.status = 'delivered' THEN 200 ELSE 500 END, s.received_at,
				s.received_at, CASE WHEN outcome.status = 'retrying' THEN NULL ELSE s.received_at END
			FROM stored s
			CROSS JOIN (VALUES ('%9$s'::uuid, '%10$s'::uuid, '%11$s'::uuid), ('%12$s'::uuid, '%13$s'::uuid, '%14$s'::uuid))
				AS target (destination_id, route_for_first, route_for_second)
			CROSS JOIN LATERAL (SELECT CASE WHEN s.source_id = '%3$s'::uuid THEN target.route_for_first
				ELSE target.route_for_second END AS route_id) AS route
			CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.93 THEN 'delivered' WHEN r < 0.98 THEN 'dead' ELSE 'retrying' END
				AS status, CASE WHEN r < 0.93 THEN 1 ELSE 3 END AS attempts
				FROM (SELECT random() + 0 * length(s.call_id) AS r) AS dice) AS outcome
			""";

	private HistorySeed() {
	}

	/**
	 * Seeds the deliveries.
	 * @param run the run
	 * @param tenant a tenant with two sources and two destinations, each routed from both
	 * @param deliveries how many deliveries (half as many events)
	 * @param rareSourceId a third source of the tenant, sender of one event in 1000
	 */
	static void seed(BenchRun run, BenchTenant tenant, int deliveries, String rareSourceId) {
		int events = deliveries / 2;
		String tenantId = TenantId.parse(tenant.tenantId()).uuid().toString();
		String first = SourceId.parse(tenant.sources().get(0).id()).uuid().toString();
		String second = SourceId.parse(tenant.sources().get(1).id()).uuid().toString();
		BenchTenant.BenchDestination one = tenant.destinations().get(0);
		BenchTenant.BenchDestination two = tenant.destinations().get(1);
		try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement()) {
			for (int from = 0; from < events; from += CHUNK) {
				int to = Math.min(events, from + CHUNK) - 1;
				statement.executeUpdate(SEED.formatted(tenantId, SeedSql.uuidV7At("ts"), first, second, events, from,
						to, SeedSql.uuidV7At("s.received_at"), uuid(one.id()), route(one, 0), route(one, 1),
						uuid(two.id()), route(two, 0), route(two, 1), SourceId.parse(rareSourceId).uuid().toString()));
			}
			statement.execute("ANALYZE event");
			statement.execute("ANALYZE delivery");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot seed the history", ex);
		}
	}

	private static String uuid(String destinationId) {
		return DestinationId.parse(destinationId).uuid().toString();
	}

	private static String route(BenchTenant.BenchDestination destination, int index) {
		return RouteId.parse(destination.routeIds().get(index)).uuid().toString();
	}

}
