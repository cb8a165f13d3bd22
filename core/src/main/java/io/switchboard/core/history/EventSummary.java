package io.switchboard.core.history;

import java.time.Instant;

import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;

/**
 * An event in a list: everything but its body.
 *
 * @param id the id
 * @param sourceId the source it came to
 * @param eventType its type
 * @param callId the provider's call id
 * @param test whether it is a test event
 * @param bodyBytes the size of its body
 * @param receivedAt when it was stored
 * @param occurredAt when the provider says it happened
 */
public record EventSummary(EventId id, SourceId sourceId, String eventType, String callId, boolean test, int bodyBytes,
		Instant receivedAt, Instant occurredAt) {

}
