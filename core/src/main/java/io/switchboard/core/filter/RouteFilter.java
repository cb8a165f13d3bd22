package io.switchboard.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.switchboard.core.filter.Condition.AllOf;
import io.switchboard.core.filter.Condition.AnyOf;
import io.switchboard.core.filter.Condition.FieldTest;
import io.switchboard.core.filter.Condition.Not;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A route's filter: a JSON object whose keys are field paths ({@link FieldPath}) or
 * {@code $and}, {@code $or}, {@code $not}; a path's value is the value it must equal, or
 * an object of operators ({@link Operator}) that must all hold. Every key must hold.
 * Parsing refuses anything else with a message for people; evaluation never throws.
 */
public final class RouteFilter {

	/** The longest rule, as JSON. */
	public static final int MAX_JSON_CHARS = 16_384;

	/** The most tests and groups in one rule. */
	public static final int MAX_PARTS = 200;

	/** The deepest nesting of {@code $and}, {@code $or} and {@code $not}. */
	public static final int MAX_DEPTH = 10;

	/** The longest pattern. */
	public static final int MAX_PATTERN = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String OPERATORS = "$eq, $neq, $in, $nin, $gt, $gte, $lt, $lte, $exists, $startsWith, "
			+ "$endsWith, $regex";

	private final JsonNode json;

	private final Condition root;

	private RouteFilter(JsonNode json, Condition root) {
		this.json = json;
		this.root = root;
	}

	/**
	 * Reads a rule.
	 * @param rule the rule, a JSON object
	 * @return the filter
	 * @throws IllegalArgumentException with a message for people when it is not a rule
	 */
	public static RouteFilter parse(JsonNode rule) {
		if (rule == null || !rule.isObject()) {
			throw new IllegalArgumentException("A filter is a JSON object, such as {\"call.status\": \"completed\"}.");
		}
		if (JSON.writeValueAsString(rule).length() > MAX_JSON_CHARS) {
			throw new IllegalArgumentException("A filter is at most " + MAX_JSON_CHARS + " characters of JSON.");
		}
		int[] parts = { 0 };
		return new RouteFilter(rule.deepCopy(), object(rule, 0, parts));
	}

	/**
	 * Reads a rule written as JSON text.
	 * @param text the rule
	 * @return the filter
	 * @throws IllegalArgumentException with a message for people when it is not a rule
	 */
	public static RouteFilter parse(String text) {
		JsonNode rule;
		try {
			rule = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("A filter is a JSON object; this is not valid JSON.");
		}
		return parse(rule);
	}

	/**
	 * Whether an event passes.
	 * @param subject the event
	 * @return {@code true} if the route forwards it
	 */
	public boolean matches(FilterSubject subject) {
		return this.root.test(subject);
	}

	/**
	 * The rule as given.
	 * @return the JSON object
	 */
	public JsonNode json() {
		return this.json.deepCopy();
	}

	private static Condition object(JsonNode rule, int depth, int[] parts) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("A filter nests $and, $or and $not at most " + MAX_DEPTH + " deep.");
		}
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : rule.properties()) {
			count(parts);
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			switch (key) {
				case "$and" -> conditions.add(new AllOf(group(key, value, depth, parts)));
				case "$or" -> conditions.add(new AnyOf(group(key, value, depth, parts)));
				case "$not" -> {
					if (!value.isObject()) {
						throw new IllegalArgumentException("$not takes a rule object.");
					}
					conditions.add(new Not(object(value, depth + 1, parts)));
				}
				default -> {
					if (key.startsWith("$")) {
						throw new IllegalArgumentException("Unknown " + key + ": combine rules with $and, $or, $not, "
								+ "and test fields with " + OPERATORS + ".");
					}
					conditions.addAll(field(FieldPath.parse(key), value, parts));
				}
			}
		}
		return (conditions.size() == 1) ? conditions.get(0) : new AllOf(List.copyOf(conditions));
	}

	private static List<Condition> group(String key, JsonNode value, int depth, int[] parts) {
		if (!value.isArray() || value.isEmpty()) {
			throw new IllegalArgumentException(key + " takes a list of rule objects.");
		}
		List<Condition> group = new ArrayList<>();
		for (JsonNode member : value) {
			if (!member.isObject()) {
				throw new IllegalArgumentException(key + " takes a list of rule objects.");
			}
			group.add(object(member, depth + 1, parts));
		}
		return List.copyOf(group);
	}

	private static List<Condition> field(FieldPath path, JsonNode value, int[] parts) {
		boolean operators = value.isObject() && !value.isEmpty()
				&& value.propertyNames().stream().allMatch((name) -> name.startsWith("$"));
		if (!operators) {
			if (value.isObject() && value.propertyNames().stream().anyMatch((name) -> name.startsWith("$"))) {
				throw new IllegalArgumentException(
						"\"" + path.text() + "\" mixes operators with fields: give either operators or a value.");
			}
			return List.of(new FieldTest(path, Operator.EQ, value, null));
		}
		List<Condition> tests = new ArrayList<>();
		for (Map.Entry<String, JsonNode> test : value.properties()) {
			count(parts);
			Operator operator = Operator.of(test.getKey())
				.orElseThrow(() -> new IllegalArgumentException(
						"Unknown operator " + test.getKey() + " on \"" + path.text() + "\": use " + OPERATORS + "."));
			JsonNode operand = test.getValue();
			tests.add(new FieldTest(path, operator, operand, checked(path, operator, operand)));
		}
		return tests;
	}

	/** Checks an operand; gives the compiled pattern of a {@code $regex}. */
	private static Pattern checked(FieldPath path, Operator operator, JsonNode operand) {
		String where = operator.key() + " on \"" + path.text() + "\"";
		switch (operator) {
			case IN, NIN -> require(operand.isArray(), where + " takes a list of values.");
			case GT, GTE, LT, LTE ->
				require(operand.isNumber() || operand.isString(), where + " takes a number or a string.");
			case EXISTS -> require(operand.isBoolean(), where + " takes true or false.");
			case STARTS_WITH, ENDS_WITH -> require(operand.isString(), where + " takes a string.");
			case REGEX -> {
				require(operand.isString() && operand.stringValue().length() <= MAX_PATTERN,
						where + " takes a pattern of at most " + MAX_PATTERN + " characters.");
				try {
					return Pattern.compile(operand.stringValue());
				}
				catch (PatternSyntaxException ex) {
					throw new IllegalArgumentException(where + " is not a pattern Switchboard can run in linear time ("
							+ ex.getDescription() + ").");
				}
			}
			default -> {
			}
		}
		return null;
	}

	private static void require(boolean holds, String message) {
		if (!holds) {
			throw new IllegalArgumentException(message);
		}
	}

	private static void count(int[] parts) {
		if (++parts[0] > MAX_PARTS) {
			throw new IllegalArgumentException("A filter has at most " + MAX_PARTS + " tests and groups.");
		}
	}

	@Override
	public String toString() {
		return "RouteFilter" + this.json;
	}

}
