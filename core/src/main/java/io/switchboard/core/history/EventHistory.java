package io.switchboard.core.history;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored events and their deliveries. Every query names the tenant.
 */
@Repository
public class EventHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final String FIND_EVENT = """
			SELECT tenant_id, id, source_id, event_type, call_id, is_test, content_type, headers, body, received_at,
				occurred_at
			FROM event
			WHERE tenant_id = :tenantId AND id = :id
			""";

	private static final String LIST = """
			SELECT id, source_id, event_type, call_id, is_test, octet_length(body) AS body_bytes, received_at, occurred_at
			FROM event
			WHERE tenant_id = :tenantId
			""";

	private final DatabaseClient database;

	public EventHistory(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Finds one of a tenant's events.
	 * @param tenantId the owner
	 * @param id the event
	 * @return the event, or empty
	 */
	public Mono<StoredEvent> findEvent(TenantId tenantId, EventId id) {
		return this.database.sql(FIND_EVENT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map((row) -> new StoredEvent(new TenantId(row.get("tenant_id", UUID.class)),
					new EventId(row.get("id", UUID.class)), new SourceId(row.get("source_id", UUID.class)),
					row.get("event_type", String.class), row.get("call_id", String.class),
					row.get("is_test", Boolean.class), row.get("content_type", String.class),
					JSON.readValue(row.get("headers", Json.class).asString(), HEADERS), row.get("body", byte[].class),
					row.get("received_at", Instant.class), row.get("occurred_at", Instant.class)))
			.one();
	}

	/**
	 * One page of a tenant's events, newest first, without bodies.
	 * @param tenantId the owner
	 * @param filter which events
	 * @param limit the most to return
	 * @return the page
	 */
	public Flux<EventSummary> findPage(TenantId tenantId, EventFilter filter, int limit) {
		return new SqlFilter(LIST)
			.and("source_id = :sourceId", "sourceId", (filter.sourceId() != null) ? filter.sourceId().uuid() : null)
			.and("event_type = :eventType", "eventType", filter.eventType())
			.and("call_id = :callId", "callId", filter.callId())
			.and("is_test = :test", "test", filter.test())
			.between(filter.from(), filter.to())
			.page(this.database, tenantId.uuid(), (filter.before() != null) ? filter.before().uuid() : null, limit)
			.map((row) -> new EventSummary(new EventId(row.get("id", UUID.class)),
					new SourceId(row.get("source_id", UUID.class)), row.get("event_type", String.class),
					row.get("call_id", String.class), row.get("is_test", Boolean.class),
					row.get("body_bytes", Integer.class), row.get("received_at", Instant.class),
					row.get("occurred_at", Instant.class)))
			.all();
	}

}
