package io.switchboard.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

/**
 * Where a filter looks: {@code call.status} in the body, {@code items.0.name} or
 * {@code items[0].name} into arrays, {@code header:user-agent} among the request headers,
 * {@code normalized:call.direction} in the normalized call event.
 *
 * @param text the path as written
 * @param where which part of the event
 * @param segments field names and array indexes
 */
record FieldPath(String text, Where where, List<String> segments) {

	/** The deepest path. */
	static final int MAX_SEGMENTS = 32;

	private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,9})]");

	private static final String HEADER = "header:";

	private static final String NORMALIZED = "normalized:";

	/**
	 * Reads a path.
	 * @param text the path
	 * @return the path
	 * @throws IllegalArgumentException with a message for people when it is not one
	 */
	static FieldPath parse(String text) {
		if (text.startsWith(HEADER)) {
			String name = text.substring(HEADER.length()).toLowerCase(Locale.ROOT);
			if (!name.matches("[!#$%&'*+.^_`|~0-9a-z-]+")) {
				throw new IllegalArgumentException("\"" + text + "\" does not name a header.");
			}
			return new FieldPath(text, Where.HEADERS, List.of(name));
		}
		Where where = text.startsWith(NORMALIZED) ? Where.NORMALIZED : Where.BODY;
		String path = (where == Where.NORMALIZED) ? text.substring(NORMALIZED.length()) : text;
		Matcher index = INDEX.matcher(path);
		String dotted = index.replaceAll(".$1");
		List<String> segments = new ArrayList<>();
		for (String segment : dotted.split("\\.", -1)) {
			if (segment.isEmpty() || segment.contains("[") || segment.contains("]")) {
				throw new IllegalArgumentException("\"" + text
						+ "\" is not a field path: write fields joined by dots, such as call.status or items.0.name.");
			}
			segments.add(segment);
		}
		if (segments.size() > MAX_SEGMENTS) {
			throw new IllegalArgumentException("\"" + text + "\" is deeper than " + MAX_SEGMENTS + " fields.");
		}
		return new FieldPath(text, where, List.copyOf(segments));
	}

	/**
	 * The value at this path, or a {@link MissingNode}.
	 * @param subject the event
	 * @return the value
	 */
	JsonNode resolve(FilterSubject subject) {
		if (this.where == Where.HEADERS) {
			String value = subject.header(this.segments.get(0));
			return (value != null) ? StringNode.valueOf(value) : MissingNode.getInstance();
		}
		JsonNode node = (this.where == Where.NORMALIZED) ? subject.normalized() : subject.body();
		for (String segment : this.segments) {
			if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
				node = node.path(Integer.parseInt(segment));
			}
			else if (node.isObject()) {
				node = node.path(segment);
			}
			else {
				return MissingNode.getInstance();
			}
		}
		return node;
	}

	/** Which part of an event a path looks into. */
	enum Where {

		/** The body the provider sent. */
		BODY,

		/** The request headers. */
		HEADERS,

		/** The normalized call event. */
		NORMALIZED

	}

}
