package io.switchboard.core.filter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.core.schedule.Repeating;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * How many events each route's filter held back, counted in memory as batches commit and
 * added to the routes' counts once a second in one statement, so ingestion never waits on
 * a hot route row. A process that dies loses at most its last second's counts (never an
 * event).
 */
@Component
public class FilteredCounts implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(FilteredCounts.class);

	private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

	private static final String ADD = """
			UPDATE route r SET filtered_count = r.filtered_count + c.n
			FROM unnest(:tenantIds::uuid[], :routeIds::uuid[], :counts::bigint[]) AS c(tenant_id, id, n)
			WHERE r.tenant_id = c.tenant_id AND r.id = c.id
			""";

	private final DatabaseClient database;

	private final Map<RouteKey, LongAdder> pending = new ConcurrentHashMap<>();

	private final Repeating repeating = new Repeating("Adding filtered-out counts", FLUSH_EVERY, this::flush);

	public FilteredCounts(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Counts events a route's filter held back in a committed batch.
	 * @param tenantId the route's tenant
	 * @param routeId the route
	 * @param events how many
	 */
	public void add(UUID tenantId, UUID routeId, long events) {
		this.pending.computeIfAbsent(new RouteKey(tenantId, routeId), (key) -> new LongAdder()).add(events);
	}

	/**
	 * Adds what was counted to the routes' counts.
	 * @return done
	 */
	public Mono<Void> flush() {
		List<RouteKey> keys = new ArrayList<>(this.pending.keySet());
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		keys.sort(Comparator.comparing(RouteKey::tenantId).thenComparing(RouteKey::routeId));
		List<UUID> tenants = new ArrayList<>();
		List<UUID> routes = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		for (RouteKey key : keys) {
			LongAdder adder = this.pending.remove(key);
			long n = (adder != null) ? adder.sumThenReset() : 0;
			if (n > 0) {
				tenants.add(key.tenantId());
				routes.add(key.routeId());
				counts.add(n);
			}
		}
		if (counts.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql(ADD)
			.bind("tenantIds", tenants.toArray(UUID[]::new))
			.bind("routeIds", routes.toArray(UUID[]::new))
			.bind("counts", counts.toArray(Long[]::new))
			.fetch()
			.rowsUpdated()
			.onErrorResume((error) -> {
				// put them back for the next flush
				for (int i = 0; i < counts.size(); i++) {
					add(tenants.get(i), routes.get(i), counts.get(i));
				}
				logger.warn("Could not add filtered-out counts to routes; trying again: " + error);
				return Mono.empty();
			})
			.then();
	}

	@Override
	public void start() {
		this.repeating.start();
	}

	@Override
	public void stop() {
		if (this.repeating.stop()) {
			try {
				flush().block(Duration.ofSeconds(5));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not add the last filtered-out counts to routes: " + ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.repeating.isRunning();
	}

	private record RouteKey(UUID tenantId, UUID routeId) {

	}

}
