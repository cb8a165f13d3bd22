package io.switchboard.core.history;

import java.time.Instant;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.SourceId;

/**
 * Which deliveries to list; {@code null} means any. Pages go newest first and continue
 * below {@code before}, so rows arriving meanwhile never shift a page.
 *
 * @param status a status
 * @param destinationId a destination
 * @param sourceId a source
 * @param eventType an event type
 * @param callId a provider call id
 * @param from made at or after
 * @param to made before
 * @param before the last delivery of the previous page
 */
public record DeliveryFilter(String status, DestinationId destinationId, SourceId sourceId, String eventType,
		String callId, Instant from, Instant to, DeliveryId before) {

}
