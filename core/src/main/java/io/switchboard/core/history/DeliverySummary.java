package io.switchboard.core.history;

import java.time.Instant;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;

/**
 * Where a delivery stands.
 *
 * @param id the id
 * @param routeId the route that made it
 * @param destinationId where it goes
 * @param status pending, retrying, leased, paused, delivered or dead
 * @param attemptCount attempts made so far
 * @param nextAttemptAt when the next attempt is due
 * @param lastResponseStatus the last response's status, or {@code null}
 * @param createdAt when it was made
 */
public record DeliverySummary(DeliveryId id, RouteId routeId, DestinationId destinationId, String status,
		int attemptCount, Instant nextAttemptAt, Integer lastResponseStatus, Instant createdAt) {

}
