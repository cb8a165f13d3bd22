package io.switchboard.core.event;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's payload, read leniently: a body that is not a JSON object reads as one
 * with no fields, so every lookup simply finds nothing. The one reader of payloads, for
 * the facts stored with an event and for the normalized call event.
 */
public final class Payload {

	private final JsonNode root;

	private Payload(JsonNode root) {
		this.root = root;
	}

	public static Payload parse(JsonMapper json, byte[] body) {
		try {
			JsonNode root = json.readTree(body);
			return new Payload((root != null && root.isObject()) ? root : json.missingNode());
		}
		catch (JacksonException ex) {
			return new Payload(json.missingNode());
		}
	}

	/**
	 * Whether the body was a JSON object.
	 * @return whether it was
	 */
	public boolean isObject() {
		return this.root.isObject();
	}

	/**
	 * The text at a path: a non-blank string, or a number as text.
	 * @param path the field names, outermost first
	 * @return the text, or {@code null}
	 */
	public String text(String... path) {
		JsonNode node = node(path);
		return ((node.isString() || node.isNumber()) && !node.asString().isBlank()) ? node.asString() : null;
	}

	/**
	 * The number at a path.
	 * @param path the field names, outermost first
	 * @return the number node, or {@code null}
	 */
	public JsonNode number(String... path) {
		JsonNode node = node(path);
		return node.isNumber() ? node : null;
	}

	/**
	 * A copy of the object at a path.
	 * @param path the field names, outermost first
	 * @return the copy, or {@code null} when there is no object there
	 */
	public ObjectNode object(String... path) {
		JsonNode node = node(path);
		return node.isObject() ? (ObjectNode) node.deepCopy() : null;
	}

	/**
	 * A copy of whatever is at a path, {@code null} included.
	 * @param path the field names, outermost first
	 * @return the copy, or {@code null} when the path is absent
	 */
	public JsonNode any(String... path) {
		JsonNode node = node(path);
		return node.isMissingNode() ? null : node.deepCopy();
	}

	/**
	 * The time at a path, an ISO-8601 date-time with an offset.
	 * @param path the field names, outermost first
	 * @return the instant, or {@code null} when absent or not such a time
	 */
	public Instant time(String... path) {
		String text = text(path);
		return (text != null) ? IsoTime.parse(text) : null;
	}

	/**
	 * Whether the payload marks itself as a test event ({@code "test": true}).
	 * @return whether it does
	 */
	public boolean test() {
		return this.root.path("test").asBoolean(false);
	}

	private JsonNode node(String... path) {
		JsonNode node = this.root;
		for (String name : path) {
			node = node.path(name);
		}
		return node;
	}

}
