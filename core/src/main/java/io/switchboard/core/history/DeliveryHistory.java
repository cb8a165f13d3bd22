package io.switchboard.core.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.switchboard.core.id.AttemptId;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a tenant's deliveries and their attempts. Lists walk the primary key (tenant, id)
 * downwards: ids are time-ordered, so the id is the cursor and a page never shifts when
 * new deliveries arrive. Only the filters given become SQL, so each query can use its
 * index.
 */
@Repository
public class DeliveryHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			SELECT id, event_id, route_id, destination_id, source_id, event_type, call_id, status, attempt_count,
				next_attempt_at, last_response_status, last_error, created_at, finished_at
			FROM delivery
			WHERE tenant_id = :tenantId
			""";

	private static final String IDS = """
			SELECT id
			FROM delivery
			WHERE tenant_id = :tenantId
			""";

	private static final String COUNT = """
			SELECT count(*)
			FROM delivery
			WHERE tenant_id = :tenantId
			""";

	private static final String ATTEMPT_COLUMNS = """
			SELECT id, series, attempt_number, trigger, outcome, started_at, duration_ms, request_url,
				request_headers, response_status, response_headers, response_body, error_class, error_message
			FROM delivery_attempt
			WHERE tenant_id = :tenantId
			""";

	private static final String ATTEMPTS = ATTEMPT_COLUMNS + "AND delivery_id = :deliveryId ORDER BY id";

	private static final String ATTEMPT = ATTEMPT_COLUMNS + "AND id = :id";

	private final DatabaseClient database;

	public DeliveryHistory(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * One page of a tenant's deliveries, newest first.
	 * @param tenantId the owner
	 * @param filter which deliveries
	 * @param limit the most to return
	 * @return the page
	 */
	public Flux<DeliveryRecord> findPage(TenantId tenantId, DeliveryFilter filter, int limit) {
		return matching(COLUMNS, filter)
			.page(this.database, tenantId.uuid(), (filter.before() != null) ? filter.before().uuid() : null, limit)
			.map(DeliveryHistory::read)
			.all();
	}

	/**
	 * The ids of one page of a tenant's deliveries, newest first: what a bulk replay
	 * walks.
	 * @param tenantId the owner
	 * @param filter which deliveries
	 * @param limit the most to return
	 * @return the ids
	 */
	public Flux<DeliveryId> findIds(TenantId tenantId, DeliveryFilter filter, int limit) {
		return matching(IDS, filter)
			.page(this.database, tenantId.uuid(), (filter.before() != null) ? filter.before().uuid() : null, limit)
			.map((row) -> new DeliveryId(row.get("id", UUID.class)))
			.all();
	}

	/**
	 * How many of a tenant's deliveries match.
	 * @param tenantId the owner
	 * @param filter which deliveries
	 * @return the count
	 */
	public Mono<Long> count(TenantId tenantId, DeliveryFilter filter) {
		return matching(COUNT, filter)
			.and("id < :before", "before", (filter.before() != null) ? filter.before().uuid() : null)
			.query(this.database, tenantId.uuid())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private static SqlFilter matching(String select, DeliveryFilter filter) {
		return new SqlFilter(select).and("status = :status", "status", filter.status())
			.and("destination_id = :destinationId", "destinationId",
					(filter.destinationId() != null) ? filter.destinationId().uuid() : null)
			.and("source_id = :sourceId", "sourceId", (filter.sourceId() != null) ? filter.sourceId().uuid() : null)
			.and("event_type = :eventType", "eventType", filter.eventType())
			.and("call_id = :callId", "callId", filter.callId())
			.between(filter.from(), filter.to());
	}

	/**
	 * One of a tenant's deliveries.
	 * @param tenantId the owner
	 * @param id the delivery
	 * @return the delivery, or empty
	 */
	public Mono<DeliveryRecord> findDelivery(TenantId tenantId, DeliveryId id) {
		return this.database.sql(COLUMNS + "AND id = :id")
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(DeliveryHistory::read)
			.one();
	}

	/**
	 * The deliveries an event made, oldest first.
	 * @param tenantId the owner
	 * @param eventId the event
	 * @return its deliveries
	 */
	public Flux<DeliveryRecord> findByEvent(TenantId tenantId, EventId eventId) {
		return this.database.sql(COLUMNS + "AND event_id = :eventId ORDER BY id")
			.bind("tenantId", tenantId.uuid())
			.bind("eventId", eventId.uuid())
			.map(DeliveryHistory::read)
			.all();
	}

	/**
	 * A delivery's attempts, oldest first.
	 * @param tenantId the owner
	 * @param deliveryId the delivery
	 * @return its attempts
	 */
	public Flux<AttemptView> findAttempts(TenantId tenantId, DeliveryId deliveryId) {
		return this.database.sql(ATTEMPTS)
			.bind("tenantId", tenantId.uuid())
			.bind("deliveryId", deliveryId.uuid())
			.map(DeliveryHistory::readAttempt)
			.all();
	}

	/**
	 * One of a tenant's attempts (a destination's test send is one without a delivery).
	 * @param tenantId the owner
	 * @param id the attempt
	 * @return the attempt, or empty
	 */
	public Mono<AttemptView> findAttempt(TenantId tenantId, AttemptId id) {
		return this.database.sql(ATTEMPT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(DeliveryHistory::readAttempt)
			.one();
	}

	private static AttemptView readAttempt(Readable row) {
		byte[] body = row.get("response_body", byte[].class);
		Json responseHeaders = row.get("response_headers", Json.class);
		return new AttemptView(new AttemptId(row.get("id", UUID.class)), row.get("series", Integer.class),
				row.get("attempt_number", Integer.class), row.get("trigger", String.class),
				row.get("outcome", String.class), row.get("started_at", Instant.class),
				row.get("duration_ms", Integer.class), row.get("request_url", String.class),
				JSON.readValue(row.get("request_headers", Json.class).asString(), HEADERS),
				row.get("response_status", Integer.class),
				(responseHeaders != null) ? JSON.readValue(responseHeaders.asString(), HEADERS) : null,
				(body != null) ? new String(body, StandardCharsets.UTF_8) : null, row.get("error_class", String.class),
				row.get("error_message", String.class));
	}

	private static DeliveryRecord read(Readable row) {
		return new DeliveryRecord(new DeliveryId(row.get("id", UUID.class)),
				new EventId(row.get("event_id", UUID.class)), new RouteId(row.get("route_id", UUID.class)),
				new DestinationId(row.get("destination_id", UUID.class)),
				new SourceId(row.get("source_id", UUID.class)), row.get("event_type", String.class),
				row.get("call_id", String.class), row.get("status", String.class),
				row.get("attempt_count", Integer.class), row.get("next_attempt_at", Instant.class),
				row.get("last_response_status", Integer.class), row.get("last_error", String.class),
				row.get("created_at", Instant.class), row.get("finished_at", Instant.class));
	}

}
