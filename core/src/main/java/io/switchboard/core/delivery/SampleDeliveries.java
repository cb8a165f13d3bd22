package io.switchboard.core.delivery;

import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The sample delivery a destination's test send makes: a sample call event, shaped like
 * what its routes' provider sends (MiniVoice unless a Minari source is routed to it), to
 * be signed and sent like any delivery; its attempt is logged with the trigger
 * {@code test} and no delivery.
 */
@Repository
public class SampleDeliveries {

	private static final String DESTINATION = """
			SELECT t.tenant_id, CAST(NULL AS uuid) AS id, CAST(:eventId AS uuid) AS event_id, t.id AS destination_id,
				'test' AS lease_owner, 0 AS attempt_count, 1 AS series, 'test' AS series_trigger,
				now() AS series_started_at,
				COALESCE((SELECT s.provider FROM route r JOIN source s ON s.tenant_id = r.tenant_id AND s.id = r.source_id
					WHERE r.tenant_id = t.tenant_id AND r.destination_id = t.id AND s.provider = 'minari' LIMIT 1),
					'minivoice') AS provider,
				'call.completed' AS event_type, true AS is_test, now() AS received_at,
				'application/json' AS content_type, CAST(NULL AS bytea) AS body,
				t.url, t.signature_style, t.payload_format, t.signing_secret, t.previous_signing_secret,
				t.previous_signing_secret_expires_at, t.timeout_ms, t.retry_delays_ms, t.max_in_flight,
				t.rate_limit_per_second, t.max_age_seconds, t.transform, t.headers
			FROM destination t
			WHERE t.tenant_id = :tenantId AND t.id = :destinationId AND t.deleted_at IS NULL
			""";

	private final DatabaseClient database;

	private final DeliveryQueue queue;

	public SampleDeliveries(DatabaseClient database, DeliveryQueue queue) {
		this.database = database;
		this.queue = queue;
	}

	/**
	 * What a test send to a destination carries, ready to sign and send.
	 * @param tenantId the owner
	 * @param destinationId the destination
	 * @return the test "delivery" (it has no delivery id), or empty for no such
	 * destination
	 */
	public Mono<LeasedDelivery> prepare(TenantId tenantId, DestinationId destinationId) {
		return this.database.sql(DESTINATION)
			.bind("tenantId", tenantId.uuid())
			.bind("destinationId", destinationId.uuid())
			.bind("eventId", EventId.generate().uuid())
			.map(this.queue::read)
			.one()
			.map(SampleDeliveries::withSample);
	}

	/**
	 * Logs a test send's attempt.
	 * @param delivery the prepared test send
	 * @param attempt what it did (trigger {@code test})
	 * @return the attempt's id
	 */
	public Mono<AttemptId> record(LeasedDelivery delivery, AttemptRecord attempt) {
		AttemptId id = AttemptId.generate();
		return this.queue.insertAttempt(delivery, attempt, id).fetch().rowsUpdated().thenReturn(id);
	}

	private static LeasedDelivery withSample(LeasedDelivery test) {
		return new LeasedDelivery(test.tenantId(), null, test.destinationId(), test.attempt(),
				test.payload().withBody(SampleEvents.body(test.payload().provider())), test.target());
	}

}
