package io.switchboard.core.destination;

import java.time.Instant;
import java.util.Locale;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The circuit breaker state workers report for a destination, so the API and the portal
 * can show it. Each worker process keeps its own breaker; the latest transition any of
 * them reports is what is shown.
 */
@Repository
public class DestinationCircuits {

	private static final String REPORT = """
			UPDATE destination SET circuit_state = :state, circuit_changed_at = :at
			WHERE tenant_id = :tenantId AND id = :id AND (circuit_changed_at IS NULL OR circuit_changed_at <= :at)
			""";

	private static final String FIND = """
			SELECT circuit_state, circuit_changed_at FROM destination WHERE tenant_id = :tenantId AND id = :id
			""";

	private final DatabaseClient database;

	public DestinationCircuits(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Records a transition.
	 * @param tenantId the owner
	 * @param id the destination
	 * @param state {@code closed}, {@code open} or {@code half-open}
	 * @param at when it happened
	 * @return done
	 */
	public Mono<Void> report(TenantId tenantId, DestinationId id, String state, Instant at) {
		return this.database.sql(REPORT)
			.bind("state", state.toLowerCase(Locale.ROOT))
			.bind("at", at)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * The last reported state.
	 * @param tenantId the owner
	 * @param id the destination
	 * @return the state, or empty when there is no such destination
	 */
	public Mono<DestinationCircuit> find(TenantId tenantId, DestinationId id) {
		return this.database.sql(FIND)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map((row) -> new DestinationCircuit(row.get("circuit_state", String.class),
					row.get("circuit_changed_at", Instant.class)))
			.one();
	}

}
