package io.switchboard.api.inbound;

import java.nio.charset.StandardCharsets;

/**
 * The answer to an accepted event, sent only once it is committed:
 * {@code {"ok":true,"event_id":"evt_…","duplicate":false}}.
 *
 * @param ok always true
 * @param eventId the stored event, or for a duplicate the event first stored
 * @param duplicate whether the provider had sent this event before
 */
record InboundAck(boolean ok, String eventId, boolean duplicate) {

	/**
	 * The answer's JSON. Written by hand: an event id is {@code evt_} and base-32
	 * characters, nothing to escape, and this is the one answer sent for every event.
	 * @return the UTF-8 bytes
	 */
	byte[] json() {
		return ("{\"ok\":" + this.ok + ",\"event_id\":\"" + this.eventId + "\",\"duplicate\":" + this.duplicate + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
