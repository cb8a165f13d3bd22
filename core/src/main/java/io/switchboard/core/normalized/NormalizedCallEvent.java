package io.switchboard.core.normalized;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.switchboard.core.event.Payload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored event as one call-event schema for MiniVoice and Minari, so one Zap or n8n
 * flow serves both providers. Every key is always present ({@code null} when unknown),
 * keys come in the order below, and there is no pretty printing:
 *
 * <pre>{@code
 * {"schema":"switchboard.call-event.v1","event_id":"evt_...","event_type":"call.completed",
 *  "occurred_at":"2026-05-29T12:10:00Z","provider":"minivoice","test":false,
 *  "call":{"id":"call_123","status":"completed","direction":"inbound","from":"+15551230001",
 *          "to":"+15551230002","duration_seconds":null,"recording_url":null,
 *          "transcript_url":null,"summary":null},
 *  "prospect":null,"user":null,"variables":{},"data":{}}
 * }</pre>
 *
 * <ul>
 * <li>{@code event_type} is the payload's {@code event} (else {@code type}).</li>
 * <li>{@code occurred_at} is MiniVoice's {@code created_at} or Minari's
 * {@code call.ended_at} (else {@code timestamp}), in UTC with a {@code Z}; when the
 * payload has no readable time, the time Switchboard received the event.</li>
 * <li>{@code call}: {@code from} and {@code to} are MiniVoice's {@code call.from} and
 * {@code call.to} or Minari's {@code call.from_number} and {@code call.to_number};
 * Minari's directions {@code incoming} and {@code outgoing} become {@code inbound} and
 * {@code outbound}; Minari sends no call id, so {@code call.id} is {@code null} unless
 * its payload has one.</li>
 * <li>{@code prospect} and {@code user} are Minari's objects; {@code null} for
 * MiniVoice.</li>
 * <li>{@code variables} and {@code data} are MiniVoice's objects ({@code {}} when
 * absent); Minari's {@code list} goes to {@code data.list}.</li>
 * <li>{@code test} is true when Switchboard marked the event as a test or the payload
 * says {@code "test": true}.</li>
 * <li>A body that is not a JSON object still gives a whole document, with the body as
 * text in {@code data.raw}.</li>
 * </ul>
 *
 * The schema is written down for users in {@code normalized-call-event.md}, in this
 * module's resources; change both together. Other providers are read with MiniVoice's
 * field names.
 */
public final class NormalizedCallEvent {

	/** The value of the {@code schema} key. */
	public static final String SCHEMA = "switchboard.call-event.v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private NormalizedCallEvent() {
	}

	/**
	 * The normalized JSON of a stored event.
	 * @param provider who sent it: {@code minivoice}, {@code minari}, or another
	 * provider, read with MiniVoice's field names
	 * @param eventId the event's id, {@code evt_...}
	 * @param receivedAt when Switchboard received it, used when the payload has no time
	 * @param test whether the event is stored as a test event
	 * @param rawBody the body the provider sent
	 * @return the document, as UTF-8 bytes
	 */
	public static byte[] render(String provider, String eventId, Instant receivedAt, boolean test, byte[] rawBody) {
		return JSON.writeValueAsBytes(document(provider, eventId, receivedAt, test, rawBody));
	}

	/**
	 * The normalized event of a stored event, as a JSON tree.
	 * @param provider who sent it
	 * @param eventId the event's id, {@code evt_...}
	 * @param receivedAt when Switchboard received it
	 * @param test whether the event is stored as a test event
	 * @param rawBody the body the provider sent
	 * @return the document
	 */
	public static ObjectNode document(String provider, String eventId, Instant receivedAt, boolean test,
			byte[] rawBody) {
		byte[] body = (rawBody != null) ? rawBody : new byte[0];
		Payload payload = Payload.parse(JSON, body);
		ObjectNode document = JSON.createObjectNode();
		document.put("schema", SCHEMA);
		document.put("event_id", eventId);
		document.put("event_type", firstOf(payload.text("event"), payload.text("type")));
		document.put("occurred_at", occurredAt(provider, payload, receivedAt));
		document.put("provider", provider);
		document.put("test", test || payload.test());
		document.set("call", call(payload));
		document.set("prospect", payload.object("prospect"));
		document.set("user", payload.object("user"));
		document.set("variables", orEmpty(payload.object("variables")));
		document.set("data", data(payload, body));
		return document;
	}

	private static String occurredAt(String provider, Payload payload, Instant receivedAt) {
		boolean minari = "minari".equalsIgnoreCase(provider);
		Instant time = minari ? payload.time("call", "ended_at") : payload.time("created_at");
		if (time == null) {
			time = payload.time("timestamp");
		}
		if (time == null) {
			time = receivedAt;
		}
		return (time != null) ? time.toString() : null;
	}

	private static ObjectNode call(Payload payload) {
		ObjectNode call = JSON.createObjectNode();
		call.put("id", payload.text("call", "id"));
		call.put("status", payload.text("call", "status"));
		call.put("direction", direction(payload.text("call", "direction")));
		call.put("from", firstOf(payload.text("call", "from"), payload.text("call", "from_number")));
		call.put("to", firstOf(payload.text("call", "to"), payload.text("call", "to_number")));
		call.set("duration_seconds", payload.number("call", "duration_seconds"));
		call.put("recording_url", payload.text("call", "recording_url"));
		call.put("transcript_url", payload.text("call", "transcript_url"));
		call.put("summary", payload.text("call", "summary"));
		return call;
	}

	private static String direction(String direction) {
		if (direction == null) {
			return null;
		}
		return switch (direction.toLowerCase(Locale.ROOT)) {
			case "incoming" -> "inbound";
			case "outgoing" -> "outbound";
			default -> direction;
		};
	}

	private static ObjectNode data(Payload payload, byte[] body) {
		ObjectNode data = orEmpty(payload.object("data"));
		JsonNode list = payload.any("list");
		if (list != null) {
			data.set("list", list);
		}
		if (!payload.isObject()) {
			data.put("raw", new String(body, StandardCharsets.UTF_8));
		}
		return data;
	}

	private static ObjectNode orEmpty(ObjectNode object) {
		return (object != null) ? object : JSON.createObjectNode();
	}

	private static String firstOf(String first, String second) {
		return (first != null) ? first : second;
	}

}
