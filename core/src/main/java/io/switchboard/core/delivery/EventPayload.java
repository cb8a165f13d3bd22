package io.switchboard.core.delivery;

import java.time.Instant;

import io.switchboard.core.id.EventId;

/**
 * What a delivery carries: the event as it arrived.
 *
 * @param eventId the event
 * @param provider who sent it ({@code minivoice}, {@code minari}, …)
 * @param eventType its type
 * @param test whether it is a test event
 * @param receivedAt when it arrived
 * @param contentType its content type
 * @param body its raw bytes
 */
public record EventPayload(EventId eventId, String provider, String eventType, boolean test, Instant receivedAt,
		String contentType, byte[] body) {

	/**
	 * The same event with other bytes.
	 * @param body the bytes
	 * @return the payload
	 */
	public EventPayload withBody(byte[] body) {
		return new EventPayload(this.eventId, this.provider, this.eventType, this.test, this.receivedAt,
				this.contentType, body);
	}

}
