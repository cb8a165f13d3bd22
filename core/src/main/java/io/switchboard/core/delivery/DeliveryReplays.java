package io.switchboard.core.delivery;

import java.util.List;
import java.util.UUID;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.ingest.EventStore;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Replays a finished delivery (dead, or delivered and wanted again): a new attempt
 * series, recorded as manual, due now, or paused if its destination is switched off; its
 * max age counts from the replay.
 */
@Repository
public class DeliveryReplays {

	private static final String REPLAY = DeliveryTransition.REPLAY.sql("""
			UPDATE delivery d
			SET status = CASE WHEN t.enabled THEN {pending} ELSE {paused} END, series = d.series + 1,
				series_trigger = 'manual', series_started_at = now(), attempt_count = 0, next_attempt_at = now(),
				finished_at = NULL, last_error = NULL, last_response_status = NULL, updated_at = now()
			FROM destination t
			WHERE d.tenant_id = :tenantId AND d.id = ANY(:ids) AND d.status IN {from}
				AND t.tenant_id = d.tenant_id AND t.id = d.destination_id
			RETURNING d.status, d.series
			""");

	/**
	 * A bounded count of a tenant's deliveries due and unsent, in a status a lease takes,
	 * to its destinations that take deliveries now (to one of them, or to any): switched
	 * on, and with no circuit open. A destination that is down keeps its queue due until
	 * it recovers; counted, it would hold back a replay for as long, even one whose
	 * deliveries go elsewhere. Each destination's probe reads its queue index and stops
	 * at the limit, and so does the whole count.
	 */
	private static final String DUE = """
			SELECT count(*) AS due FROM (
				SELECT 1 FROM destination t
				CROSS JOIN LATERAL (SELECT 1 FROM delivery d
					WHERE d.tenant_id = t.tenant_id AND d.destination_id = t.id AND d.status IN %s
						AND d.next_attempt_at <= now()
					LIMIT :limit) queued
				WHERE t.tenant_id = :tenantId AND t.enabled AND t.deleted_at IS NULL AND t.circuit_state <> 'open' %%s
				LIMIT :limit) due
			""".formatted(DeliveryStatus.sqlList(DeliveryTransition.LEASE.from()));

	private static final String DUE_ANYWHERE = DUE.formatted("");

	private static final String DUE_TO_DESTINATION = DUE.formatted("AND t.id = :destinationId");

	private static final String EXISTS = "SELECT status FROM delivery WHERE tenant_id = :tenantId AND id = :id";

	private static final String NOTIFY = "SELECT pg_notify('" + EventStore.DELIVERY_CHANNEL + "', '')";

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	public DeliveryReplays(DatabaseClient database, TransactionalOperator transaction) {
		this.database = database;
		this.transaction = transaction;
	}

	/**
	 * Replays one of a tenant's deliveries.
	 * @param tenantId the owner
	 * @param id the delivery
	 * @return the outcome; empty when the tenant has no such delivery
	 */
	public Mono<Replay> replay(TenantId tenantId, DeliveryId id) {
		Mono<Replay> replayed = this.database.sql(REPLAY)
			.bind("tenantId", tenantId.uuid())
			.bind("ids", new UUID[] { id.uuid() })
			.map((row) -> new Replay(true, row.get("status", String.class), row.get("series", Integer.class)))
			.one()
			.flatMap((replay) -> this.database.sql(NOTIFY).fetch().rowsUpdated().thenReturn(replay));
		Mono<Replay> notFinal = this.database.sql(EXISTS)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map((row) -> new Replay(false, row.get("status", String.class), 0))
			.one();
		return this.transaction.transactional(replayed.switchIfEmpty(notFinal));
	}

	/**
	 * Replays those of a tenant's deliveries that are finished, in one short transaction:
	 * a batch of a bulk replay.
	 * @param tenantId the owner
	 * @param ids the deliveries
	 * @return how many were replayed; the others were not finished (or not the tenant's)
	 */
	public Mono<Long> replayAll(TenantId tenantId, List<DeliveryId> ids) {
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		Mono<Long> replayed = this.database.sql(REPLAY)
			.bind("tenantId", tenantId.uuid())
			.bind("ids", ids.stream().map(DeliveryId::uuid).toArray(UUID[]::new))
			.fetch()
			.all()
			.count()
			.flatMap((count) -> (count > 0) ? this.database.sql(NOTIFY).fetch().rowsUpdated().thenReturn(count)
					: Mono.just(count));
		return this.transaction.transactional(replayed);
	}

	/**
	 * Whether a bulk replay may make its next batch due: fewer than {@code queued} of the
	 * tenant's deliveries (to the replay's destination, when it names one) are due and
	 * unsent to a destination that takes deliveries now. A replay so moves no faster than
	 * its deliveries go out: a million dead deliveries are not made due at once, to cost
	 * the database a million row moves while the tenant's slots are busy, and the job's
	 * progress says what was sent, not what waits.
	 * @param tenantId the replay's tenant
	 * @param destinationId the replay's destination, or {@code null} for any
	 * @param queued the most due deliveries to leave waiting
	 * @return whether there is room for another batch
	 */
	public Mono<Boolean> roomForBatch(TenantId tenantId, DestinationId destinationId, int queued) {
		DatabaseClient.GenericExecuteSpec due = (destinationId != null)
				? this.database.sql(DUE_TO_DESTINATION).bind("destinationId", destinationId.uuid())
				: this.database.sql(DUE_ANYWHERE);
		return due.bind("tenantId", tenantId.uuid())
			.bind("limit", queued)
			.map((row) -> row.get("due", Long.class))
			.one()
			.map((count) -> count < queued);
	}

	/**
	 * What a replay came to.
	 *
	 * @param replayed whether a new series started (false: the delivery is not finished)
	 * @param status the delivery's status now
	 * @param series its attempt series
	 */
	public record Replay(boolean replayed, String status, int series) {

	}

}
