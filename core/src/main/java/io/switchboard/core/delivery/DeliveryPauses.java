package io.switchboard.core.delivery;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Pauses a destination's waiting deliveries when it is switched off, and resumes them
 * (due now) when it is switched on again; the caller's transaction switches the
 * destination itself. Leased deliveries are left to their worker: their settle, deferral
 * or release pauses them once it sees the destination off.
 */
@Repository
public class DeliveryPauses {

	private static final String PAUSE = DeliveryTransition.PAUSE.sql("""
			UPDATE delivery SET status = {paused}, updated_at = now()
			WHERE tenant_id = :tenantId AND destination_id = :id AND status IN {from}
			""");

	private static final String RESUME = DeliveryTransition.RESUME.sql("""
			UPDATE delivery
			SET status = CASE WHEN attempt_count > 0 THEN {retrying} ELSE {pending} END, next_attempt_at = now(),
				updated_at = now()
			WHERE tenant_id = :tenantId AND destination_id = :id AND status IN {from}
			""");

	private final DatabaseClient database;

	public DeliveryPauses(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Pauses a destination's waiting deliveries.
	 * @param tenantId the owner
	 * @param destinationId the destination switched off
	 * @return how many were paused
	 */
	public Mono<Long> pause(TenantId tenantId, DestinationId destinationId) {
		return run(PAUSE, tenantId, destinationId);
	}

	/**
	 * Resumes a destination's paused deliveries, due now.
	 * @param tenantId the owner
	 * @param destinationId the destination switched on
	 * @return how many were resumed
	 */
	public Mono<Long> resume(TenantId tenantId, DestinationId destinationId) {
		return run(RESUME, tenantId, destinationId);
	}

	private Mono<Long> run(String statement, TenantId tenantId, DestinationId destinationId) {
		return this.database.sql(statement)
			.bind("tenantId", tenantId.uuid())
			.bind("id", destinationId.uuid())
			.fetch()
			.rowsUpdated();
	}

}
