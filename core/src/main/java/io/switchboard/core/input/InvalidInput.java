package io.switchboard.core.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input refused by a business rule: each field at fault with a message written for
 * people. The REST API and the portal render the same messages.
 */
public final class InvalidInput extends RuntimeException {

	private final Map<String, String> errors;

	InvalidInput(Map<String, String> errors) {
		super(describe(errors), null, false, false);
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/**
	 * One field at fault.
	 * @param field the field, as both faces name it
	 * @param message what is wrong, for people
	 * @return the refusal
	 */
	public static InvalidInput of(String field, String message) {
		return new InvalidInput(Map.of(field, message));
	}

	/**
	 * The fields at fault, in the order they were found.
	 * @return field → message
	 */
	public Map<String, String> errors() {
		return this.errors;
	}

	private static String describe(Map<String, String> errors) {
		Map.Entry<String, String> first = errors.entrySet().iterator().next();
		return first.getKey() + ": " + first.getValue();
	}

}
