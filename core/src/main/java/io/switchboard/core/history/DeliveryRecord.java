package io.switchboard.core.history;

import java.time.Instant;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;

/**
 * A delivery as its history shows it.
 *
 * @param id the id
 * @param eventId the event it carries
 * @param routeId the route that made it
 * @param destinationId where it goes
 * @param sourceId where the event came from
 * @param eventType the event's type
 * @param callId the provider's call id
 * @param status pending, retrying, leased, paused, delivered or dead
 * @param attemptCount attempts in the current series
 * @param nextAttemptAt when the next attempt is due
 * @param lastResponseStatus the last answer's status
 * @param lastError the last failure, for people
 * @param createdAt when it was made
 * @param finishedAt when it was delivered or died
 */
public record DeliveryRecord(DeliveryId id, EventId eventId, RouteId routeId, DestinationId destinationId,
		SourceId sourceId, String eventType, String callId, String status, int attemptCount, Instant nextAttemptAt,
		Integer lastResponseStatus, String lastError, Instant createdAt, Instant finishedAt) {

}
