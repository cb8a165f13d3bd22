package io.switchboard.core.event;

import java.time.Instant;
import java.util.function.Function;

import io.switchboard.core.source.Provider;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Switchboard reads from an event's payload. A body that is not JSON is still an
 * event (nothing is ever dropped for its shape): it just has no type, call id or time,
 * and its dedup key is the hash of its bytes.
 *
 * @param eventType the event's type, such as {@code call.completed}, or {@code null}
 * @param callId the provider's call id, or {@code null}
 * @param occurredAt when the provider says it happened, or {@code null}
 * @param test whether the provider marked it as a test event ({@code "test": true})
 * @param dedupKey the same for every retry of the same event by the provider
 */
public record EventFacts(String eventType, String callId, Instant occurredAt, boolean test, String dedupKey) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads the facts of a payload.
	 * @param provider who sent it
	 * @param headers the request headers, by name (case-insensitive), or {@code null}
	 * @param body the raw body
	 * @return the facts
	 */
	public static EventFacts read(Provider provider, Function<String, String> headers, byte[] body) {
		Payload payload = Payload.parse(JSON, body);
		String eventType = firstOf(payload.text("event"), payload.text("type"));
		String callId = firstOf(payload.text("call", "id"), payload.text("data", "call", "id"));
		Instant occurredAt = firstOf(
				(provider == Provider.MINARI) ? payload.time("call", "ended_at") : payload.time("created_at"),
				payload.time("timestamp"));
		return new EventFacts(eventType, callId, occurredAt, payload.test(),
				DedupKey.of(provider, headers, payload, body));
	}

	private static <T> T firstOf(T first, T second) {
		return (first != null) ? first : second;
	}

}
