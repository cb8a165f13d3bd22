package io.switchboard.core.filter;

import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What a filter looks at: the body, read as JSON only when a rule asks for it, the
 * request headers (lower-case names) and the normalized call event, made only when a rule
 * asks for it.
 */
public final class FilterSubject {

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
