package io.switchboard.core.destination;

import java.time.Instant;
import java.util.Locale;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Records the circuit breaker state workers report for a destination; the destination's
 * own read ({@link DestinationRepository}) carries it to the API and the portal. Each
 * worker process keeps its own breaker; the latest transition any of them reports is what
 * is shown.
 */
@Repository
public class DestinationCircuits {

	private static final String REPORT = """
			UPDATE destination SET circuit_state = :state, circuit_changed_at = :at
			WHERE tenant_id = :tenantId AND id = :id AND (circuit_changed_at IS NULL OR circuit_changed_at <= :at)
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

}
