package io.switchboard.core.transform;

import com.dashjoin.jsonata.JException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Fn3;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.dashjoin.jsonata.Jsonata.JFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * A destination's transformation: a JSONata expression (the language of AWS Step
 * Functions and Node-RED) that maps the event to the body sent, such as {@code {"caller":
 * call.from, "minutes": $round(call.duration_seconds / 60, 1)}}. Checked once when saved;
 * each evaluation is bounded in time and depth, and an event it cannot map fails with a
 * reason ({@link TransformFailed}).
 */
public final class PayloadTransform {

	/** The longest expression. */
	public static final int MAX_CHARS = 10_000;

	/** How long one evaluation may run. */
	public static final long TIME_LIMIT_MILLIS = 250;

	/** How deep evaluation may recurse. */
	public static final int MAX_DEPTH = 200;

	/** The largest body a transformation may make. */
	public static final int MAX_OUTPUT_BYTES = 1024 * 1024;

	/**
	 * The widest {@code $pad}: the library's own builds its padding in quadratic time.
	 */
	public static final int MAX_PAD = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Expressions already checked, so a delivery does not walk its destination's syntax
	 * tree again on every attempt; one that fails the check is not kept.
	 */
	private static final Cache<String, PayloadTransform> CHECKED = Caffeine.newBuilder().maximumSize(10_000).build();

	/**
	 * {@code $pad} with a bounded width, in linear time: the library's takes minutes for
	 * a width of a few million, all inside one call the time limit cannot interrupt.
	 */
	private static final JFunction PAD = Jsonata.function("pad",
			(Fn3<String, Number, String, String>) PayloadTransform::pad, "<s-ns?:s>");

	private final String expression;

	private PayloadTransform(String expression) {
		this.expression = expression;
	}

	/**
	 * Reads an expression.
	 * @param expression the JSONata expression
	 * @return the transformation
	 * @throws IllegalArgumentException with a message for people when it is too long, is
	 * not JSONata, or uses a regular expression or {@code $eval}
	 */
	public static PayloadTransform compile(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new IllegalArgumentException("Write a JSONata expression, such as {\"caller\": call.from}.");
		}
		return CHECKED.get(expression, PayloadTransform::check);
	}

	private static PayloadTransform check(String expression) {
		if (expression.length() > MAX_CHARS) {
			throw new IllegalArgumentException("A transformation is at most " + MAX_CHARS + " characters.");
		}
		Jsonata parsed = parse(expression);
		String forbidden = RegexFree.problem(parsed);
		if (forbidden != null) {
			throw new IllegalArgumentException(forbidden);
		}
		return new PayloadTransform(expression);
	}

	/**
	 * The expression as written.
	 * @return the expression
	 */
	public String expression() {
		return this.expression;
	}

	/**
	 * Maps an event to the body to send.
	 * @param event the event as JSON (the original body or the normalized event)
	 * @return the body, as JSON
	 * @throws TransformFailed with the reason, when the event is not JSON, the expression
	 * fails, runs too long or too deep, gives nothing, or makes too large a body
	 */
	public byte[] apply(byte[] event) {
		Object input;
		try {
			input = JSON.readValue(event, Object.class);
		}
		catch (RuntimeException ex) {
			throw new TransformFailed("The event is not JSON, so it cannot be transformed.");
		}
		Jsonata expression = parse(this.expression);
		Frame frame = expression.createFrame();
		frame.setRuntimeBounds(TIME_LIMIT_MILLIS, MAX_DEPTH);
		frame.bind("pad", PAD);
		Object output;
		try {
			output = expression.evaluate(input, frame);
		}
		catch (JException ex) {
			throw new TransformFailed(describe(ex));
		}
		catch (StackOverflowError ex) {
			throw new TransformFailed("The transformation recursed too deep.");
		}
		catch (RuntimeException ex) {
			throw new TransformFailed("The transformation failed: " + ex.getMessage());
		}
		if (output == null) {
			throw new TransformFailed("The transformation gave nothing for this event.");
		}
		byte[] body = JSON.writeValueAsBytes(plain(output));
		if (body.length > MAX_OUTPUT_BYTES) {
			throw new TransformFailed("The transformation made a body over " + MAX_OUTPUT_BYTES + " bytes.");
		}
		return body;
	}

	private static Jsonata parse(String expression) {
		try {
			return Jsonata.jsonata(expression);
		}
		catch (JException ex) {
			throw new IllegalArgumentException("This is not a JSONata expression: " + describe(ex));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("This is not a JSONata expression: " + ex.getMessage());
		}
	}

	private static String pad(String text, Number width, String with) {
		if (text == null) {
			return null;
		}
		int target = width.intValue();
		if (Math.abs(target) > MAX_PAD) {
			throw new IllegalArgumentException("$pad pads to at most " + MAX_PAD + " characters.");
		}
		String filler = (with == null || with.isEmpty()) ? " " : with;
		StringBuilder padding = new StringBuilder();
		for (int missing = Math.abs(target) - text.codePointCount(0, text.length()); missing > 0; missing--) {
			padding.append(filler.charAt(padding.length() % filler.length()));
		}
		return (target > 0) ? text + padding : padding + text;
	}

	/** JSONata's own null becomes JSON null. */
	private static Object plain(Object value) {
		return (value == Jsonata.NULL_VALUE) ? null : value;
	}

	private static String describe(JException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getError();
		if (message != null && message.contains("evaluation timeout")) {
			return "The transformation ran longer than " + TIME_LIMIT_MILLIS + " ms.";
		}
		if (message != null && message.contains("Stack overflow")) {
			return "The transformation recursed deeper than " + MAX_DEPTH + " levels.";
		}
		return message + " (at character " + ex.getLocation() + ")";
	}

	@Override
	public String toString() {
		return "PayloadTransform[" + this.expression.length() + " characters]";
	}

}
