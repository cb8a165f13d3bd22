package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * The durable queue. Workers lease due deliveries in batches, fairly (round-robin over
 * the destinations with room, each tenant within its share) and with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of workers share the work without taking
 * the same row, each lease under its own owner and expiry; attempts are settled by
 * {@link Settlements}; leases of crashed workers are taken back when they expire. This is
 * the one place that reads across tenants: workers serve them all.
 */
@Repository
public class DeliveryQueue {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The fair lease. It walks the destinations that have a queue (a skip scan over
	 * {@code delivery_due_by_destination}: one probe per destination, never a backlog),
	 * keeps those with room, takes each one's next due deliveries up to its room, and
	 * deals them out round-robin: every destination's first before any destination's
	 * second, the destination due longest first; no tenant beyond its room. Each lease
	 * outlives the longest attempt its destination allows. The leased deliveries come
	 * back with their event and destination, in one round trip.
	 */
	private static final String LEASE = DeliveryTransition.LEASE
		.sql("""
				WITH RECURSIVE queued AS (
					(SELECT tenant_id, destination_id FROM delivery
						WHERE status IN {from}
						ORDER BY tenant_id, destination_id LIMIT 1)
					UNION ALL
					SELECT next.tenant_id, next.destination_id FROM queued q
					CROSS JOIN LATERAL (SELECT tenant_id, destination_id FROM delivery
						WHERE status IN {from}
							AND (tenant_id, destination_id) > (q.tenant_id, q.destination_id)
						ORDER BY tenant_id, destination_id LIMIT 1) next),
				tenant_room AS (
					SELECT * FROM unnest(CAST(:tenantIds AS uuid[]), CAST(:tenantRooms AS integer[])) AS r(tenant_id, room)),
				destination_room AS (
					SELECT * FROM unnest(CAST(:destinationIds AS uuid[]), CAST(:destinationRooms AS integer[]))
						AS r(destination_id, room)),
				open AS (
					SELECT q.tenant_id, q.destination_id, t.timeout_ms,
						least(coalesce(dr.room, t.max_in_flight), coalesce(tr.room, :perTenant), :total) AS room
					FROM queued q
					JOIN destination t ON t.tenant_id = q.tenant_id AND t.id = q.destination_id
					LEFT JOIN destination_room dr ON dr.destination_id = q.destination_id
					LEFT JOIN tenant_room tr ON tr.tenant_id = q.tenant_id
					-- a destination switched off while one of its deliveries was leased gets that
					-- delivery back pending; it waits there, unsent, until the destination is on
					WHERE q.destination_id <> ALL(:unavailable) AND t.enabled AND t.deleted_at IS NULL),
				due AS (
					SELECT d.tenant_id, d.id, d.next_attempt_at, o.timeout_ms,
						row_number() OVER (PARTITION BY o.destination_id ORDER BY d.next_attempt_at, d.id) AS turn,
						min(d.next_attempt_at) OVER (PARTITION BY o.destination_id) AS waiting_since
					FROM open o
					CROSS JOIN LATERAL (
						SELECT d.tenant_id, d.id, d.next_attempt_at FROM delivery d
						WHERE d.tenant_id = o.tenant_id AND d.destination_id = o.destination_id
							AND d.status IN {from} AND d.next_attempt_at <= now()
							-- per-call ordering: wait while an older delivery of the same call to the
							-- same destination is not final
							AND NOT (d.ordering = 'per-call' AND d.call_id IS NOT NULL AND EXISTS (
								SELECT 1 FROM delivery p
								WHERE p.tenant_id = d.tenant_id AND p.call_id = d.call_id
									AND p.destination_id = d.destination_id AND p.id < d.id
									AND p.status NOT IN {final}))
						ORDER BY d.next_attempt_at
						LIMIT o.room
						FOR UPDATE SKIP LOCKED) d
					WHERE o.room > 0),
				dealt AS (
					SELECT due.*, row_number() OVER (PARTITION BY due.tenant_id
						ORDER BY due.turn, due.waiting_since, due.id) AS tenant_turn
					FROM due),
				picked AS (
					SELECT dealt.tenant_id, dealt.id, dealt.timeout_ms FROM dealt
					LEFT JOIN tenant_room tr ON tr.tenant_id = dealt.tenant_id
					WHERE dealt.tenant_turn <= coalesce(tr.room, :perTenant)
					ORDER BY dealt.turn, dealt.waiting_since, dealt.id
					LIMIT :total),
				leased AS (
					UPDATE delivery d
					SET status = {leased}, lease_owner = :owner,
						lease_expires_at = now() + make_interval(secs => greatest(:minimumLeaseMillis,
							picked.timeout_ms + :beyondTimeoutMillis) / 1000.0::double precision), updated_at = now()
					FROM picked
					WHERE d.tenant_id = picked.tenant_id AND d.id = picked.id
					RETURNING d.tenant_id, d.id, d.event_id, d.destination_id, d.lease_owner, d.attempt_count, d.series,
						d.series_trigger, coalesce(d.series_started_at, d.created_at) AS series_started_at,
						d.next_attempt_at)
				-- with what the attempts need, in the same round trip; every join by primary key
				-- (the source as a subquery: joined, the planner may reach the event through
				-- all of its source's events)
				SELECT d.tenant_id, d.id, d.event_id, d.destination_id, d.lease_owner, d.attempt_count, d.series,
					d.series_trigger, d.series_started_at,
					(SELECT s.provider FROM source s WHERE s.tenant_id = e.tenant_id AND s.id = e.source_id) AS provider,
					e.event_type, e.is_test, e.received_at, e.content_type, e.body,
					t.url, t.signature_style, t.payload_format, t.signing_secret, t.previous_signing_secret,
					t.previous_signing_secret_expires_at, t.timeout_ms, t.retry_delays_ms, t.max_in_flight,
					t.rate_limit_per_second, t.max_age_seconds, t.transform, t.headers, t.kind, t.asset_links
				FROM leased d
				JOIN event e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
				JOIN destination t ON t.tenant_id = d.tenant_id AND t.id = d.destination_id
				ORDER BY d.next_attempt_at
				""");

	private static final String INSERT_ATTEMPT = """
			INSERT INTO delivery_attempt (tenant_id, id, delivery_id, destination_id, series, attempt_number, trigger,
				outcome, started_at, duration_ms, request_url, request_headers, response_status, response_headers,
				response_body, error_class, error_message)
			VALUES (:tenantId, :id, :deliveryId, :destinationId, :series, :attemptNumber, :trigger, :outcome,
				:startedAt, :durationMs, :url, :requestHeaders, :responseStatus, :responseHeaders, :responseBody,
				:errorClass, :errorMessage)
			""";

	/**
	 * Where a delivery goes when its lease ends without a final answer: paused while its
	 * destination is switched off (it may have been switched off while the delivery was
	 * leased), else due again.
	 */
	private static final String BACK_IN_QUEUE = """
			CASE WHEN NOT (SELECT t.enabled FROM destination t
					WHERE t.tenant_id = delivery.tenant_id AND t.id = delivery.destination_id) THEN {paused}
				WHEN attempt_count > 0 THEN {retrying} ELSE {pending} END""";

	private static final String DEFER = DeliveryTransition.DEFER.sql("""
			UPDATE delivery
			SET status = %s, next_attempt_at = :until,
				lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND status IN {from} AND lease_owner = :owner
			""".formatted(BACK_IN_QUEUE));

	private static final String RECLAIM = DeliveryTransition.RECLAIM.sql("""
			UPDATE delivery
			SET status = %s, lease_owner = NULL,
				lease_expires_at = NULL, updated_at = now()
			WHERE status IN {from} AND lease_expires_at < now()
			""".formatted(BACK_IN_QUEUE));

	private static final String RELEASE = DeliveryTransition.RELEASE.sql("""
			UPDATE delivery
			SET status = %s, lease_owner = NULL,
				lease_expires_at = NULL, updated_at = now()
			WHERE status IN {from} AND lease_owner LIKE :worker || '/%%'
			""".formatted(BACK_IN_QUEUE));

	private final DatabaseClient database;

	private final LeasedDeliveryRows rows;

	public DeliveryQueue(DatabaseClient database, SecretCipher cipher) {
		this.database = database;
		this.rows = new LeasedDeliveryRows(cipher);
	}

	/**
	 * Leases due deliveries fairly, no more than the worker has room for: the next due of
	 * each destination with room, round-robin, each tenant within its share.
	 * @param owner the lease's owner, unique to this call
	 * @param room how many the worker can take, per tenant and per destination
	 * @param term how long the leases last
	 * @return the leased deliveries
	 */
	public Flux<LeasedDelivery> lease(String owner, LeaseRoom room, LeaseTerm term) {
		List<UUID> tenantIds = new ArrayList<>();
		List<Integer> tenantRooms = new ArrayList<>();
		room.tenants().forEach((tenant, free) -> {
			tenantIds.add(tenant.uuid());
			tenantRooms.add(free);
		});
		List<UUID> destinationIds = new ArrayList<>();
		List<Integer> destinationRooms = new ArrayList<>();
		room.destinations().forEach((destination, free) -> {
			destinationIds.add(destination.uuid());
			destinationRooms.add(free);
		});
		return this.database.sql(LEASE)
			.bind("tenantIds", tenantIds.toArray(UUID[]::new))
			.bind("tenantRooms", tenantRooms.toArray(Integer[]::new))
			.bind("destinationIds", destinationIds.toArray(UUID[]::new))
			.bind("destinationRooms", destinationRooms.toArray(Integer[]::new))
			.bind("perTenant", room.perTenant())
			.bind("total", room.total())
			.bind("unavailable", room.unavailable().stream().map(DestinationId::uuid).toArray(UUID[]::new))
			.bind("owner", owner)
			.bind("minimumLeaseMillis", term.minimum().toMillis())
			.bind("beyondTimeoutMillis", term.beyondTimeout().toMillis())
			.map(this.rows::read)
			.all();
	}

	/**
	 * The insert of an attempt's log row.
	 */
	GenericExecuteSpec insertAttempt(LeasedDelivery delivery, AttemptRecord attempt, AttemptId attemptId) {
		return this.database.sql(INSERT_ATTEMPT)
			.bind("tenantId", delivery.tenantId().uuid())
			.bind("id", attemptId.uuid())
			.bind("deliveryId", SqlValue.of((delivery.id() != null) ? delivery.id().uuid() : null, UUID.class))
			.bind("destinationId", delivery.destinationId().uuid())
			.bind("series", delivery.attempt().series())
			.bind("attemptNumber", delivery.attempt().number())
			.bind("trigger", attempt.trigger())
			.bind("outcome", attempt.delivered() ? "delivered" : "failed")
			.bind("startedAt", attempt.startedAt())
			.bind("durationMs", attempt.durationMillis())
			.bind("url", delivery.target().url())
			.bind("requestHeaders", json(attempt.requestHeaders()))
			.bind("responseStatus", SqlValue.of(attempt.responseStatus(), Integer.class))
			.bind("responseHeaders",
					SqlValue.of((attempt.responseHeaders() != null) ? json(attempt.responseHeaders()) : null,
							Json.class))
			.bind("responseBody", SqlValue.of(attempt.responseBody(), byte[].class))
			.bind("errorClass", SqlValue.of(attempt.errorClass(), String.class))
			.bind("errorMessage", SqlValue.of(attempt.errorMessage(), String.class));
	}

	/**
	 * Gives a leased delivery back without an attempt: not the receiver's fault (its
	 * circuit is open, or our own limits say wait), so no attempt is used up.
	 * @param delivery the leased delivery
	 * @param until when it is due again
	 * @return whether the lease was still held
	 */
	public Mono<Boolean> defer(LeasedDelivery delivery, Instant until) {
		return this.database.sql(DEFER)
			.bind("until", until)
			.bind("tenantId", delivery.tenantId().uuid())
			.bind("id", delivery.id().uuid())
			.bind("owner", delivery.attempt().leaseOwner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Takes back the leases that expired (their worker crashed or stalled).
	 * @return how many deliveries are due again
	 */
	public Mono<Long> reclaimExpired() {
		return this.database.sql(RECLAIM).fetch().rowsUpdated();
	}

	/**
	 * Hands back everything a worker still holds (graceful shutdown): its leases are
	 * named {@code <worker>/<n>}.
	 * @param worker the worker's id
	 * @return how many were handed back
	 */
	public Mono<Long> release(String worker) {
		return this.database.sql(RELEASE).bind("worker", worker).fetch().rowsUpdated();
	}

	/**
	 * Reads a delivery with its event and destination (a test send has no delivery id).
	 */
	LeasedDelivery read(Readable row) {
		return this.rows.read(row);
	}

	static Json json(Map<String, String> map) {
		return Json.of(JSON.writeValueAsString(map));
	}

}
