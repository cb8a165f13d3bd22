package io.switchboard.core.history;

import java.time.Instant;
import java.util.Map;

import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * An event as stored.
 *
 * @param tenantId the owner
 * @param id the id
 * @param sourceId the source it came to
 * @param eventType its type, or {@code null}
 * @param callId the provider's call id, or {@code null}
 * @param test whether the provider marked it as a test
 * @param contentType the request's content type
 * @param headers the provider headers kept
 * @param body the raw bytes as received
 * @param receivedAt when it was stored
 * @param occurredAt when the provider says it happened
 */
public record StoredEvent(TenantId tenantId, EventId id, SourceId sourceId, String eventType, String callId,
		boolean test, String contentType, Map<String, String> headers, byte[] body, Instant receivedAt,
		Instant occurredAt) {

}
