package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.schema.ColumnBinds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Settles finished attempts, many at once: every attempt's log row in one statement,
 * every delivery's new state in another, both in one transaction (one commit for the
 * batch), and a destination whose receiver is gone is switched off in that same
 * transaction, its waiting deliveries paused. An attempt whose lease was lost meanwhile
 * (it expired and another worker took the delivery) is still logged, but its delivery's
 * state is left to the new holder. A delivery that outlived its max age before an attempt
 * settles dead without an attempt row, its attempt count and last answer as they were.
 */
@Repository
public class Settlements {

	private static final String INSERT_ATTEMPTS = """
			INSERT INTO delivery_attempt (tenant_id, id, delivery_id, destination_id, series, attempt_number, trigger,
				outcome, started_at, duration_ms, request_url, request_headers, response_status, response_headers,
				response_body, error_class, error_message)
			SELECT * FROM :rows
			""";

	/**
	 * A delivery whose attempt failed while its destination was switched off pauses
	 * instead of waiting for a retry. {@code s.attempted} is false for a settle without
	 * an attempt.
	 */
	private static final String SETTLE = DeliveryTransition.SETTLE.sql("""
			UPDATE delivery d
			SET status = CASE WHEN s.status = {retrying} AND NOT (SELECT t.enabled FROM destination t
					WHERE t.tenant_id = d.tenant_id AND t.id = d.destination_id) THEN {paused}
				ELSE s.status END,
				attempt_count = d.attempt_count + CASE WHEN s.attempted THEN 1 ELSE 0 END,
				next_attempt_at = s.next_attempt_at, lease_owner = NULL, lease_expires_at = NULL,
				last_attempt_at = CASE WHEN s.attempted THEN s.started_at ELSE d.last_attempt_at END,
				last_response_status = CASE WHEN s.attempted THEN s.response_status ELSE d.last_response_status END,
				last_error = s.error, updated_at = now(),
				finished_at = CASE WHEN s.status IN {final} THEN now() END
			FROM :rows
			WHERE d.tenant_id = s.tenant_id AND d.id = s.id AND d.status IN {from} AND d.lease_owner = s.owner
			RETURNING d.id
			""");

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final DestinationRepository destinations;

	public Settlements(DatabaseClient database, TransactionalOperator transaction, DestinationRepository destinations) {
		this.database = database;
		this.transaction = transaction;
		this.destinations = destinations;
	}

	/**
	 * Writes the attempts and the deliveries' new states in one transaction.
	 * @param settlements the finished attempts, each of a different delivery
	 * @return for each, in order, whether its lease was still held
	 */
	public Mono<List<Boolean>> settle(List<Settlement> settlements) {
		ColumnBinds attempts = new ColumnBinds("a", "tenant_id", UUID.class, "id", UUID.class, "delivery_id",
				UUID.class, "destination_id", UUID.class, "series", Integer.class, "attempt_number", Integer.class,
				"trigger", String.class, "outcome", String.class, "started_at", Instant.class, "duration_ms",
				Integer.class, "request_url", String.class, "request_headers", Json.class, "response_status",
				Integer.class, "response_headers", Json.class, "response_body", byte[].class, "error_class",
				String.class, "error_message", String.class);
		ColumnBinds states = new ColumnBinds("s", "tenant_id", UUID.class, "id", UUID.class, "owner", String.class,
				"status", String.class, "next_attempt_at", Instant.class, "attempted", Boolean.class, "started_at",
				Instant.class, "response_status", Integer.class, "error", String.class);
		for (Settlement settlement : settlements) {
			if (settlement.attempt() != null) {
				attempt(attempts, settlement.delivery(), settlement.attempt());
			}
			state(states, settlement);
		}
		Mono<Long> logged = attempts.isEmpty() ? Mono.just(0L)
				: attempts.bind(this.database, INSERT_ATTEMPTS).fetch().rowsUpdated();
		Mono<Set<UUID>> held = logged
			.then(states.bind(this.database, SETTLE)
				.map((row) -> row.get("id", UUID.class))
				.all()
				.collect(() -> new HashSet<UUID>(), Set::add))
			.flatMap((ids) -> switchOffGone(settlements).thenReturn(ids));
		return this.transaction.transactional(held)
			.map((ids) -> settlements.stream()
				.map((settlement) -> ids.contains(settlement.delivery().id().uuid()))
				.toList());
	}

	private Mono<Void> switchOffGone(List<Settlement> settlements) {
		return Flux.fromIterable(settlements)
			.filter((settlement) -> settlement.disableReason() != null)
			.concatMap((gone) -> this.destinations.disable(gone.delivery().tenantId(), gone.delivery().destinationId(),
					gone.disableReason()))
			.then();
	}

	private static void attempt(ColumnBinds binds, LeasedDelivery delivery, AttemptRecord attempt) {
		binds.row(delivery.tenantId().uuid(), AttemptId.generate().uuid(), delivery.id().uuid(),
				delivery.destinationId().uuid(), delivery.attempt().series(), delivery.attempt().number(),
				attempt.trigger(), attempt.delivered() ? "delivered" : "failed", attempt.startedAt(),
				attempt.durationMillis(), delivery.target().url(), DeliveryQueue.json(attempt.requestHeaders()),
				attempt.responseStatus(),
				(attempt.responseHeaders() != null) ? DeliveryQueue.json(attempt.responseHeaders()) : null,
				attempt.responseBody(), attempt.errorClass(), attempt.errorMessage());
	}

	private static void state(ColumnBinds binds, Settlement settlement) {
		LeasedDelivery delivery = settlement.delivery();
		AttemptRecord attempt = settlement.attempt();
		NextState next = settlement.next();
		Instant due = (next.dueAt() != null) ? next.dueAt() : Instant.now();
		boolean attempted = attempt != null;
		binds.row(delivery.tenantId().uuid(), delivery.id().uuid(), delivery.attempt().leaseOwner(),
				next.status().columnValue(), due, attempted, attempted ? attempt.startedAt() : null,
				attempted ? attempt.responseStatus() : null, lastError(attempt, next));
	}

	/**
	 * The next state's reason ({@code max-age-exceeded}) first, then what went wrong with
	 * the attempt: {@code max-age-exceeded after HTTP 503}.
	 */
	private static String lastError(AttemptRecord attempt, NextState next) {
		String failure = (attempt != null) ? failure(attempt) : null;
		if (next.reason() == null) {
			return failure;
		}
		return (failure != null) ? next.reason() + " after " + failure : next.reason();
	}

	private static String failure(AttemptRecord attempt) {
		if (attempt.errorClass() != null) {
			return attempt.errorClass() + ": " + attempt.errorMessage();
		}
		return (attempt.responseStatus() != null && !attempt.delivered()) ? "HTTP " + attempt.responseStatus() : null;
	}

}
