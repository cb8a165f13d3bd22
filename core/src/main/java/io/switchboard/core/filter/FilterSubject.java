package io.switchboard.core.filter;

import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What a filter looks at: the body, read as JSON only when a rule asks for it, the
 * request headers (lower-case names) and the normalized call event, made only when a rule
 * asks for it.
 */
public final class FilterSubject {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<JsonNode> body;

	private final Map<String, String> headers;

	private final Supplier<JsonNode> normalized;

	private JsonNode readBody;

	private JsonNode madeNormalized;

	/**
	 * A subject.
	 * @param body reads the body ({@link MissingNode} when it is not JSON)
	 * @param headers the request headers, lower-case names
	 * @param normalized makes the normalized call event
	 */
	public FilterSubject(Supplier<JsonNode> body, Map<String, String> headers, Supplier<JsonNode> normalized) {
		this.body = body;
		this.headers = headers;
		this.normalized = normalized;
	}

	/**
	 * The subject of a request as received.
	 * @param body the raw body; read as JSON when a rule first asks (a body that is not
	 * JSON has no fields)
	 * @param headers the request headers, lower-case names
	 * @param normalized makes the normalized call event
	 * @return the subject
	 */
	public static FilterSubject of(byte[] body, Map<String, String> headers, Supplier<JsonNode> normalized) {
		return new FilterSubject(() -> json(body), headers, normalized);
	}

	private static JsonNode json(byte[] body) {
		if (body == null || body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * Whether the body is not JSON (a rule then sees no fields in it).
	 * @return {@code true} when it could not be read as JSON
	 */
	public boolean isNotJson() {
		return body().isMissingNode();
	}

	JsonNode body() {
		if (this.readBody == null) {
			this.readBody = this.body.get();
		}
		return this.readBody;
	}

	String header(String name) {
		return this.headers.get(name);
	}

	JsonNode normalized() {
		if (this.madeNormalized == null) {
			this.madeNormalized = this.normalized.get();
		}
		return this.madeNormalized;
	}

}
