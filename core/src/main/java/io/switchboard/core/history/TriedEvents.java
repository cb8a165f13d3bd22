package io.switchboard.core.history;

import java.nio.charset.StandardCharsets;

import io.switchboard.core.id.EventId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What a "try it" runs on, a pasted payload or one of the tenant's stored events, read
 * and refused the same way for route filters and destination transformations.
 */
@Component
public class TriedEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventHistory events;

	public TriedEvents(EventHistory events) {
		this.events = events;
	}

	/**
	 * Checks that a trial names exactly one of a payload and an event.
	 * @param payload the payload, or {@code null}
	 * @param eventId the event's id, or {@code null}
	 * @param errors where the problem is noted
	 * @return whether it tries a payload
	 */
	public static boolean triesPayload(String payload, String eventId, InputErrors errors) {
		boolean hasPayload = payload != null && !payload.isBlank();
		boolean hasEvent = eventId != null && !eventId.isBlank();
		errors.require(hasPayload != hasEvent, "payload", "Give either a payload or an eventId to try.");
		return hasPayload;
	}

	/**
	 * A pasted payload's bytes.
	 * @param payload the payload
	 * @return its UTF-8 bytes
	 * @throws InvalidInput when it is not JSON
	 */
	public static byte[] payload(String payload) {
		byte[] body = payload.getBytes(StandardCharsets.UTF_8);
		try {
			JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			throw InvalidInput.of("payload", "The payload is not JSON.");
		}
		return body;
	}

	/**
	 * One of a tenant's stored events.
	 * @param tenantId the tenant
	 * @param eventId the event's id as given
	 * @param refusal the message when there is no such event
	 * @return the event; {@link InvalidInput} on {@code eventId} for a malformed or
	 * unknown id
	 */
	public Mono<StoredEvent> stored(TenantId tenantId, String eventId, String refusal) {
		EventId id;
		try {
			id = EventId.parse(eventId.trim());
		}
		catch (MalformedIdException ex) {
			return Mono.error(InvalidInput.of("eventId", refusal));
		}
		return this.events.findEvent(tenantId, id).switchIfEmpty(Mono.error(() -> InvalidInput.of("eventId", refusal)));
	}

}
