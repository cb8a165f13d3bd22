package io.switchboard.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.switchboard.core.source.Provider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
	 * @param headers the request headers, by name (case-insensitive), {@code null} when
	 * absent
	 * @param body the raw body
	 * @return the facts
	 */
	public static EventFacts read(Provider provider, Function<String, String> headers, byte[] body) {
		JsonNode root = parse(body);
		String eventType = text(root, "event");
		if (eventType == null) {
			eventType = text(root, "type");
		}
		String callId = text(root, "call", "id");
		if (callId == null) {
			callId = text(root, "data", "call", "id");
		}
		Instant occurredAt = time(root, (provider == Provider.MINARI) ? "call.ended_at" : "created_at");
		if (occurredAt == null) {
			occurredAt = time(root, "timestamp");
		}
		boolean test = root.path("test").asBoolean(false);
		return new EventFacts(eventType, callId, occurredAt, test, DedupKey.of(provider, headers, root, body));
	}

	private static JsonNode parse(byte[] body) {
		try {
			JsonNode root = JSON.readTree(body);
			return (root != null && root.isObject()) ? root : JSON.missingNode();
		}
		catch (JacksonException ex) {
			return JSON.missingNode();
		}
	}

	static String text(JsonNode root, String... path) {
		JsonNode node = root;
		for (String name : path) {
			node = node.path(name);
		}
		return (node.isString() || node.isNumber()) && !node.asString().isBlank() ? node.asString() : null;
	}

	private static Instant time(JsonNode root, String dottedPath) {
		String text = text(root, dottedPath.split("\\."));
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
