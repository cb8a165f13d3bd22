package io.switchboard.core.filter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import com.google.re2j.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The tests a rule applies to a field. Where the field holds an array, a test other than
 * {@code $exists} holds when it holds for the array itself or for any of its elements;
 * the negations ({@code $neq}, {@code $nin}) hold when their positive test does not. A
 * missing field fails every test but {@code $neq}, {@code $nin}, {@code $exists: false}
 * and {@code $eq: null}.
 */
enum Operator {

	/** Equal: numbers by value ({@code 30} equals {@code 30.0}), the rest as JSON. */
	EQ("$eq"),

	/** Not equal. */
	NEQ("$neq"),

	/** Equal to one of a list. */
	IN("$in"),

	/** Equal to none of a list. */
	NIN("$nin"),

	/**
	 * Greater: numbers with numbers, strings with strings (ISO times compare in order).
	 */
	GT("$gt"),

	/** Greater or equal. */
	GTE("$gte"),

	/** Less. */
	LT("$lt"),

	/** Less or equal. */
	LTE("$lte"),

	/** Present ({@code true}), even as {@code null}, or absent ({@code false}). */
	EXISTS("$exists"),

	/** A string that starts with the text. */
	STARTS_WITH("$startsWith"),

	/** A string that ends with the text. */
	ENDS_WITH("$endsWith"),

	/**
	 * A string in which the pattern is found (RE2 syntax: linear time, no backreferences
	 * or lookaround).
	 */
	REGEX("$regex");

	private final String key;

	Operator(String key) {
		this.key = key;
	}

	String key() {
		return this.key;
	}

	static Optional<Operator> of(String key) {
		return Arrays.stream(values()).filter((operator) -> operator.key.equals(key)).findFirst();
	}

	/**
	 * Whether a value passes.
	 * @param value the field's value, perhaps missing
	 * @param operand what the rule gives
	 * @param pattern the compiled operand of {@link #REGEX}, else {@code null}
	 * @return whether it passes
	 */
	boolean test(JsonNode value, JsonNode operand, Pattern pattern) {
		return switch (this) {
			case EQ ->
				operand.isNull() ? (value.isMissingNode() || value.isNull()) : anyMatch(value, operand, EQ, null);
			case NEQ -> !EQ.test(value, operand, null);
			case IN -> operand.valueStream().anyMatch((candidate) -> EQ.test(value, candidate, null));
			case NIN -> !IN.test(value, operand, null);
			case EXISTS -> operand.asBoolean() != value.isMissingNode();
			default -> anyMatch(value, operand, this, pattern);
		};
	}

	private static boolean anyMatch(JsonNode value, JsonNode operand, Operator operator, Pattern pattern) {
		if (value.isMissingNode()) {
			return false;
		}
		if (operator.scalar(value, operand, pattern)) {
			return true;
		}
		return value.isArray() && value.valueStream().anyMatch((element) -> operator.scalar(element, operand, pattern));
	}

	private boolean scalar(JsonNode value, JsonNode operand, Pattern pattern) {
		return switch (this) {
			case EQ -> equal(value, operand);
			case GT -> compare(value, operand) > 0;
			case GTE -> compare(value, operand) >= 0 && comparable(value, operand);
			case LT -> compare(value, operand) < 0 && comparable(value, operand);
			case LTE -> compare(value, operand) <= 0 && comparable(value, operand);
			case STARTS_WITH -> value.isString() && value.stringValue().startsWith(operand.stringValue());
			case ENDS_WITH -> value.isString() && value.stringValue().endsWith(operand.stringValue());
			case REGEX -> value.isString() && pattern.matcher(value.stringValue()).find();
			default -> throw new IllegalStateException(this + " is not a scalar test");
		};
	}

	private static boolean equal(JsonNode value, JsonNode operand) {
		if (value.isNumber() && operand.isNumber()) {
			return value.decimalValue().compareTo(operand.decimalValue()) == 0;
		}
		return value.equals(operand);
	}

	private static boolean comparable(JsonNode value, JsonNode operand) {
		return (value.isNumber() && operand.isNumber()) || (value.isString() && operand.isString());
	}

	/** Their order, or {@link Integer#MIN_VALUE} when they do not compare. */
	private static int compare(JsonNode value, JsonNode operand) {
		if (value.isNumber() && operand.isNumber()) {
			BigDecimal left = value.decimalValue();
			return Integer.signum(left.compareTo(operand.decimalValue()));
		}
		if (value.isString() && operand.isString()) {
			return Integer.signum(value.stringValue().compareTo(operand.stringValue()));
		}
		return Integer.MIN_VALUE;
	}

}
