package io.switchboard.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The durable queue. Workers lease due deliveries in batches
 * ({@code FOR UPDATE SKIP LOCKED}, so any number of workers share the work without taking
 * the same row), each lease under its own owner and expiry; an attempt and the delivery's
 * new state are written in one transaction; leases of crashed workers are taken back when
 * they expire. This is the one place that reads across tenants: workers serve them all.
 */
@Repository
public class DeliveryQueue {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
	};

	private static final String LEASE = """
			WITH due AS (
				SELECT tenant_id, id FROM delivery d
				WHERE status IN ('pending', 'retrying') AND next_attempt_at <= now()
					-- destinations this worker cannot send to now (circuit open, or at their in-flight limit)
					AND d.destination_id <> ALL(:unavailable)
					-- per-call ordering: wait while an older delivery of the same call to the same
					-- destination is not final
					AND NOT (d.ordering = 'per-call' AND d.call_id IS NOT NULL AND EXISTS (
						SELECT 1 FROM delivery o
						WHERE o.tenant_id = d.tenant_id AND o.call_id = d.call_id
							AND o.destination_id = d.destination_id AND o.id < d.id
							AND o.status NOT IN ('delivered', 'dead')))
				ORDER BY next_attempt_at
				LIMIT :limit
				FOR UPDATE SKIP LOCKED)
			UPDATE delivery d
			SET status = 'leased', lease_owner = :owner,
				lease_expires_at = now() + make_interval(secs => :leaseSeconds), updated_at = now()
			FROM due
			WHERE d.tenant_id = due.tenant_id AND d.id = due.id
			""";

	private static final String LEASED = """
			SELECT d.tenant_id, d.id, d.event_id, d.destination_id, d.lease_owner, d.attempt_count, d.series,
				d.series_trigger,
				s.provider, e.event_type, e.is_test, e.received_at, e.content_type, e.body,
				t.url, t.signature_style, t.payload_format, t.signing_secret, t.previous_signing_secret,
				t.previous_signing_secret_expires_at, t.timeout_ms, t.retry_delays_ms, t.max_in_flight,
				t.rate_limit_per_second, t.headers, t.kind
			FROM delivery d
			JOIN event e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
			JOIN source s ON s.tenant_id = e.tenant_id AND s.id = e.source_id
			JOIN destination t ON t.tenant_id = d.tenant_id AND t.id = d.destination_id
			WHERE d.status = 'leased' AND d.lease_owner = :owner
			ORDER BY d.next_attempt_at
			""";

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
					WHERE t.tenant_id = delivery.tenant_id AND t.id = delivery.destination_id) THEN 'paused'
				WHEN attempt_count > 0 THEN 'retrying' ELSE 'pending' END""";

	private static final String SETTLE = """
			UPDATE delivery
			SET status = CASE WHEN :status = 'retrying' AND NOT (SELECT t.enabled FROM destination t
					WHERE t.tenant_id = delivery.tenant_id AND t.id = delivery.destination_id) THEN 'paused'
				ELSE :status END, attempt_count = attempt_count + 1, next_attempt_at = :nextAttemptAt,
				lease_owner = NULL, lease_expires_at = NULL, last_attempt_at = :startedAt,
				last_response_status = :responseStatus, last_error = :error, updated_at = now(),
				finished_at = CASE WHEN :status IN ('delivered', 'dead') THEN now() END
			WHERE tenant_id = :tenantId AND id = :id AND status = 'leased' AND lease_owner = :owner
			""";

	private static final String DEFER = """
			UPDATE delivery
			SET status = {backInQueue}, next_attempt_at = :until,
				lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND status = 'leased' AND lease_owner = :owner
			""".replace("{backInQueue}", BACK_IN_QUEUE);

	private static final String RECLAIM = """
			UPDATE delivery
			SET status = {backInQueue}, lease_owner = NULL,
				lease_expires_at = NULL, updated_at = now()
			WHERE status = 'leased' AND lease_expires_at < now()
			""".replace("{backInQueue}", BACK_IN_QUEUE);

	private static final String RELEASE = """
			UPDATE delivery
			SET status = {backInQueue}, lease_owner = NULL,
				lease_expires_at = NULL, updated_at = now()
			WHERE status = 'leased' AND lease_owner LIKE :worker || '/%'
			""".replace("{backInQueue}", BACK_IN_QUEUE);

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final SecretCipher cipher;

	private final DestinationRepository destinations;

	public DeliveryQueue(DatabaseClient database, TransactionalOperator transaction, SecretCipher cipher,
			DestinationRepository destinations) {
		this.database = database;
		this.transaction = transaction;
		this.cipher = cipher;
		this.destinations = destinations;
	}

	/**
	 * Leases up to {@code limit} due deliveries, oldest due first, leaving out those to
	 * destinations the worker cannot send more to now (so they are not leased only to be
	 * handed back).
	 * @param owner the lease's owner, unique to this call
	 * @param limit the most to take
	 * @param lease how long until the lease expires and another worker may take them
	 * @param unavailable destinations to leave out
	 * @return the leased deliveries
	 */
	public Flux<LeasedDelivery> lease(String owner, int limit, Duration lease, Set<DestinationId> unavailable) {
		return this.database.sql(LEASE)
			.bind("unavailable", unavailable.stream().map(DestinationId::uuid).toArray(UUID[]::new))
			.bind("limit", limit)
			.bind("owner", owner)
			.bind("leaseSeconds", (double) lease.toMillis() / 1000)
			.fetch()
			.rowsUpdated()
			.flatMapMany((leased) -> (leased == 0) ? Flux.empty()
					: this.database.sql(LEASED).bind("owner", owner).map(this::read).all());
	}

	/**
	 * Records an attempt and the delivery's new state in one transaction. If the lease
	 * was lost meanwhile (it expired and another worker took it), the attempt is still
	 * logged but the state is left to the new holder.
	 * @param delivery the leased delivery
	 * @param attempt what the attempt did and what follows
	 * @return whether the lease was still held
	 */
	public Mono<Boolean> record(LeasedDelivery delivery, AttemptRecord attempt) {
		GenericExecuteSpec insert = insertAttempt(delivery, attempt, AttemptId.generate());
		GenericExecuteSpec settle = this.database.sql(SETTLE)
			.bind("status", attempt.nextStatus())
			.bind("nextAttemptAt", (attempt.nextAttemptAt() != null) ? attempt.nextAttemptAt() : Instant.now())
			.bind("startedAt", attempt.startedAt())
			.bind("tenantId", delivery.tenantId().uuid())
			.bind("id", delivery.id().uuid())
			.bind("owner", delivery.leaseOwner())
			.bind("responseStatus", SqlValue.of(attempt.responseStatus(), Integer.class))
			.bind("error", SqlValue.of(lastError(attempt), String.class));
		Mono<Boolean> work = insert.fetch().rowsUpdated().then(settle.fetch().rowsUpdated()).map((rows) -> rows > 0);
		return this.transaction.transactional(work);
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
			.bind("series", delivery.series())
			.bind("attemptNumber", delivery.attemptCount() + 1)
			.bind("trigger", attempt.trigger())
			.bind("outcome", attempt.delivered() ? "delivered" : "failed")
			.bind("startedAt", attempt.startedAt())
			.bind("durationMs", attempt.durationMillis())
			.bind("url", delivery.url())
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
			.bind("owner", delivery.leaseOwner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Disables a destination whose receiver is gone (410): its waiting deliveries pause,
	 * to go on when it is enabled again.
	 * @param tenantId the owner
	 * @param destinationId the destination
	 * @param reason why, for people
	 * @return done
	 */
	public Mono<Void> disableDestination(TenantId tenantId, DestinationId destinationId, String reason) {
		return this.destinations.disable(tenantId, destinationId, reason);
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
		TenantId tenantId = new TenantId(row.get("tenant_id", UUID.class));
		DestinationId destinationId = new DestinationId(row.get("destination_id", UUID.class));
		String secretOwner = DestinationRepository.owner(tenantId, destinationId);
		List<String> secrets = new ArrayList<>();
		secrets.add(this.cipher.open(row.get("signing_secret", byte[].class), secretOwner));
		byte[] previous = row.get("previous_signing_secret", byte[].class);
		Instant previousExpires = row.get("previous_signing_secret_expires_at", Instant.class);
		if (previous != null && previousExpires != null && Instant.now().isBefore(previousExpires)) {
			secrets.add(this.cipher.open(previous, secretOwner));
		}
		UUID id = row.get("id", UUID.class);
		return new LeasedDelivery(tenantId, (id != null) ? new DeliveryId(id) : null,
				new EventId(row.get("event_id", UUID.class)), destinationId, row.get("lease_owner", String.class),
				row.get("attempt_count", Integer.class), row.get("series", Integer.class),
				row.get("series_trigger", String.class), row.get("provider", String.class),
				row.get("event_type", String.class), row.get("is_test", Boolean.class),
				row.get("received_at", Instant.class), row.get("content_type", String.class),
				row.get("body", byte[].class), row.get("url", String.class), row.get("signature_style", String.class),
				row.get("payload_format", String.class), List.copyOf(secrets), row.get("timeout_ms", Integer.class),
				List.of(row.get("retry_delays_ms", Integer[].class)), row.get("max_in_flight", Integer.class),
				row.get("rate_limit_per_second", Integer.class),
				customHeaders(row.get("headers", byte[].class), tenantId, destinationId), kind(row));
	}

	/** The destination's kind, where the query selected it. */
	private static String kind(Readable row) {
		return (row instanceof Row withMetadata && withMetadata.getMetadata().contains("kind"))
				? row.get("kind", String.class) : null;
	}

	private Map<String, String> customHeaders(byte[] sealed, TenantId tenantId, DestinationId destinationId) {
		if (sealed == null) {
			return Map.of();
		}
		return JSON.readValue(this.cipher.open(sealed, DestinationRepository.headersOwner(tenantId, destinationId)),
				HEADER_MAP);
	}

	private static String lastError(AttemptRecord attempt) {
		if (attempt.errorClass() != null) {
			return attempt.errorClass() + ": " + attempt.errorMessage();
		}
		return (attempt.responseStatus() != null && !attempt.delivered()) ? "HTTP " + attempt.responseStatus() : null;
	}

	private static Json json(Map<String, String> map) {
		return Json.of(JSON.writeValueAsString(map));
	}

}
