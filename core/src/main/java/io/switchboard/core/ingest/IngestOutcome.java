package io.switchboard.core.ingest;

import io.switchboard.core.id.EventId;

/**
 * What storing an event came to, once committed.
 *
 * @param eventId the stored event, or for a duplicate the event first stored
 * @param duplicate whether the event had been stored before (a provider retry)
 * @param deliveries how many deliveries were made (0 for a duplicate)
 */
public record IngestOutcome(EventId eventId, boolean duplicate, int deliveries) {

}
