package io.switchboard.api.inbound;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to an accepted event, sent only once it is committed.
 *
 * @param ok always true
 * @param eventId the stored event, or for a duplicate the event first stored
 * @param duplicate whether the provider had sent this event before
 */
record InboundAck(boolean ok, @JsonProperty("event_id") String eventId, boolean duplicate) {

}
