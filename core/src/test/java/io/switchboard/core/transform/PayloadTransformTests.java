package io.switchboard.core.transform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Known answers for transformations, and the bounds that keep one tenant's expression
 * from running for ever: time, depth, no regular expressions, no {@code $eval}.
 */
class PayloadTransformTests {

	private static final String EVENT = """
			{"event": "call.completed", "call": {"id": "c-1", "from": "+15550100", "duration_seconds": 125,
			 "direction": "inbound", "tags": ["vip", "callback"]}, "variables": {"crm_id": "42"}}
			""";

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"caller": call.from}                                            | {"caller":"+15550100"}
					{"minutes": $round(call.duration_seconds / 60, 1)}               | {"minutes":2.1}
					{"id": call.id, "vip": "vip" in call.tags}                       | {"id":"c-1","vip":true}
					{"crm": variables.crm_id, "type": event}                         | {"crm":"42","type":"call.completed"}
					call.tags                                                        | ["vip","callback"]
					$count(call.tags)                                                | 2
					{"upper": $uppercase(call.direction), "missing": call.nothing}   | {"upper":"INBOUND"}
					{"text": $join(call.tags, ", "), "area": $substring(call.from, 0, 5)} | {"text":"vip, callback","area":"+1555"}
					{"long": call.duration_seconds > 60 ? "long" : "short"}          | {"long":"long"}
					""")
	void expressionMapsTheEvent(String expression, String body) {
		assertThat(apply(expression)).isEqualTo(body);
	}

	@Test
	void nullInTheResultIsJsonNull() {
		assertThat(apply("{\"a\": null}")).isEqualTo("{\"a\":null}");
	}

	@Test
	void endlessLoopStopsAtTheTimeLimit() {
		PayloadTransform loop = PayloadTransform.compile("($f := function($n) { $n > 0 ? $f($n) : 0 }; $f(1))");
		TransformFailed failed = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> catchFailure(() -> loop.apply(bytes(EVENT))));
		assertThat(failed.getMessage()).containsAnyOf("longer than 250 ms", "deeper than 200");
	}

	@Test
	void deepRecursionStopsAtTheDepthLimit() {
		PayloadTransform deep = PayloadTransform
			.compile("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))");
		TransformFailed failed = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> catchFailure(() -> deep.apply(bytes(EVENT))));
		assertThat(failed.getMessage()).containsAnyOf("deeper than 200", "longer than 250 ms", "recursed too deep");
	}

	@Test
	void longComputationStopsAtTheTimeLimit() {
		PayloadTransform slow = PayloadTransform.compile("$sum([1..10000000].($ * 2))");
		TransformFailed failed = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> catchFailure(() -> slow.apply(bytes(EVENT))));
		assertThat(failed.getMessage()).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			$match(call.from, /^(a+)+$/)                                     | Regular expressions
			{"x": $replace(call.from, /5+/, "")}                             | Regular expressions
			$eval("1 + 1")                                                   | $eval is not allowed
			{"a": }                                                          | not a JSONata expression
			call.(                                                           | not a JSONata expression
			"unterminated                                                    | not a JSONata expression
			""")
	void forbiddenOrBrokenExpressionsAreRefusedWhenSaved(String expression, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadTransform.compile(expression))
			.withMessageContaining(reason);
	}

	@Test
	void emptyOrTooLongExpressionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PayloadTransform.compile(" "))
			.withMessageContaining("Write a JSONata expression");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PayloadTransform.compile("\"" + "x".repeat(10_001) + "\""))
			.withMessageContaining("at most 10000 characters");
	}

	@Test
	void textFunctionsWithoutRegexAreAllowed() {
		assertThat(apply("$contains(call.from, \"555\")")).isEqualTo("true");
		assertThat(apply("$split(call.from, \"5\")[0]")).isEqualTo("\"+1\"");
		assertThat(apply("$replace(call.direction, \"in\", \"out\")")).isEqualTo("\"outbound\"");
	}

	@Test
	void eventThatGivesNothingOrIsNotJsonFailsWithAReason() {
		PayloadTransform transform = PayloadTransform.compile("call.nothing");
		assertThatExceptionOfType(TransformFailed.class).isThrownBy(() -> transform.apply(bytes(EVENT)))
			.withMessageContaining("gave nothing");
		assertThatExceptionOfType(TransformFailed.class)
			.isThrownBy(() -> PayloadTransform.compile("call").apply(bytes("not json")))
			.withMessageContaining("not JSON");
		assertThatExceptionOfType(TransformFailed.class)
			.isThrownBy(
					() -> PayloadTransform.compile("$number(call.from) + $error(\"bad caller\")").apply(bytes(EVENT)))
			.withMessageContaining("bad caller");
	}

	@Test
	void hugeOutputIsRefused() {
		// cheap to evaluate (a literal, 1 100 times), so the size limit and not the time
		// limit stops it, however loaded the machine
		PayloadTransform huge = PayloadTransform.compile("[1..1100].(\"" + "x".repeat(1000) + "\")");
		assertThatExceptionOfType(TransformFailed.class).isThrownBy(() -> huge.apply(bytes(EVENT)))
			.withMessageContaining("over 1048576 bytes");
	}

	@Test
	void padIsBoundedAndFast() {
		assertThat(apply("[$pad(\"ab\", 5), $pad(\"ab\", -5, \"#\"), $pad(\"abcdef\", 3)]"))
			.isEqualTo("[\"ab   \",\"###ab\",\"abcdef\"]");
		// the library's own $pad took six minutes for this width, inside one call
		PayloadTransform wide = PayloadTransform.compile("$pad(\"x\", 2000000, \"y\")");
		TransformFailed failed = assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> catchFailure(() -> wide.apply(bytes(EVENT))));
		assertThat(failed.getMessage()).contains("at most 10000 characters");
	}

	private static String apply(String expression) {
		return new String(PayloadTransform.compile(expression).apply(bytes(EVENT)), StandardCharsets.UTF_8);
	}

	private static TransformFailed catchFailure(Runnable run) {
		try {
			run.run();
		}
		catch (TransformFailed ex) {
			return ex;
		}
		throw new AssertionError("the transformation did not fail");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
