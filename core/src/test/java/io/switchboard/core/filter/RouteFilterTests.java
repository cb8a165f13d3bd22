package io.switchboard.core.filter;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Known answers for every operator, over one MiniVoice-like body: present, missing and
 * null fields, types that do not compare, arrays and nested arrays, headers and the
 * normalized event.
 */
class RouteFilterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BODY = """
			{"event": "call.completed",
			 "call": {"id": "c-1", "direction": "inbound", "status": "completed", "duration_seconds": 42,
			          "from": "+15550100", "rating": 4.5, "ended_at": "2026-03-01T10:00:00Z", "note": null,
			          "tags": ["vip", "callback"], "legs": [[1, 2], [3]], "agents": [{"name": "Ann"}, {"name": "Bo"}],
			          "answered": true}}
			""";

	private static final String NORMALIZED = """
			{"schema": "switchboard.call-event.v1", "call": {"direction": "inbound", "duration_seconds": 42}}
			""";

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{}                                                      | true
			{"event": "call.completed"}                             | true
			{"event": "call.started"}                               | false
			{"call.duration_seconds": 42}                           | true
			{"call.duration_seconds": 42.0}                         | true
			{"call.duration_seconds": "42"}                         | false
			{"call.direction": "inbound", "call.status": "completed"} | true
			{"call.direction": "inbound", "call.status": "failed"}  | false
			{"call.missing": "x"}                                   | false
			{"call.note": null}                                     | true
			{"call.missing": null}                                  | true
			{"call.status": null}                                   | false
			{"call.tags": "vip"}                                    | true
			{"call.tags": ["vip", "callback"]}                      | true
			{"call.tags": ["callback", "vip"]}                      | false
			{"call.tags.1": "callback"}                             | true
			{"call.tags[0]": "vip"}                                 | true
			{"call.tags.7": "vip"}                                  | false
			{"call.agents.1.name": "Bo"}                            | true
			{"call.agents[0].name": "Bo"}                           | false
			{"call.legs.0.1": 2}                                    | true
			{"call.legs": [3]}                                      | true
			{"call.legs": 3}                                        | false
			{"call.id.x": "c"}                                      | false
			{"call.answered": true}                                 | true
			{"call.answered": "true"}                               | false
			""")
	void equalityByValue(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"call.status": {"$eq": "completed"}}                   | true
			{"call.status": {"$neq": "completed"}}                  | false
			{"call.status": {"$neq": "failed"}}                     | true
			{"call.missing": {"$neq": "x"}}                         | true
			{"call.note": {"$neq": null}}                           | false
			{"call.status": {"$neq": null}}                         | true
			{"call.missing": {"$neq": null}}                        | false
			{"call.tags": {"$neq": "vip"}}                          | false
			{"call.status": {"$in": ["connected", "completed"]}}    | true
			{"call.status": {"$in": ["connected"]}}                 | false
			{"call.status": {"$in": []}}                            | false
			{"call.missing": {"$in": ["x"]}}                        | false
			{"call.missing": {"$in": [null]}}                       | true
			{"call.tags": {"$in": ["callback", "x"]}}               | true
			{"call.duration_seconds": {"$in": [41, 42.0]}}          | true
			{"call.status": {"$nin": ["failed", "busy"]}}           | true
			{"call.status": {"$nin": ["completed"]}}                | false
			{"call.missing": {"$nin": ["x"]}}                       | true
			{"call.tags": {"$nin": ["vip"]}}                        | false
			""")
	void equalityOperators(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"call.duration_seconds": {"$gt": 30}}                  | true
			{"call.duration_seconds": {"$gt": 42}}                  | false
			{"call.duration_seconds": {"$gte": 42}}                 | true
			{"call.duration_seconds": {"$gte": 42.5}}               | false
			{"call.duration_seconds": {"$lt": 42.5}}                | true
			{"call.duration_seconds": {"$lt": 42}}                  | false
			{"call.duration_seconds": {"$lte": 42}}                 | true
			{"call.duration_seconds": {"$lte": 41}}                 | false
			{"call.duration_seconds": {"$gte": 30, "$lt": 60}}      | true
			{"call.duration_seconds": {"$gte": 30, "$lt": 40}}      | false
			{"call.rating": {"$gt": 4}}                             | true
			{"call.duration_seconds": {"$gt": "30"}}                | false
			{"call.duration_seconds": {"$lt": "30"}}                | false
			{"call.status": {"$gt": 3}}                             | false
			{"call.status": {"$lt": 3}}                             | false
			{"call.ended_at": {"$gte": "2026-03-01T00:00:00Z"}}     | true
			{"call.ended_at": {"$lt": "2026-03-01T00:00:00Z"}}      | false
			{"call.missing": {"$lt": 100}}                          | false
			{"call.note": {"$lt": 100}}                             | false
			{"call.legs": {"$gt": 2}}                               | false
			{"call.legs.0": {"$gt": 1}}                             | true
			""")
	void orderOperators(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"call.status": {"$exists": true}}                      | true
			{"call.status": {"$exists": false}}                     | false
			{"call.missing": {"$exists": false}}                    | true
			{"call.note": {"$exists": true}}                        | true
			{"call.tags.5": {"$exists": true}}                      | false
			{"call.from": {"$startsWith": "+1555"}}                 | true
			{"call.from": {"$startsWith": "+44"}}                   | false
			{"call.from": {"$endsWith": "0100"}}                    | true
			{"call.duration_seconds": {"$startsWith": "4"}}         | false
			{"call.missing": {"$startsWith": ""}}                   | false
			{"call.tags": {"$startsWith": "call"}}                  | true
			{"call.status": {"$regex": "^compl"}}                   | true
			{"call.status": {"$regex": "^COMPL"}}                   | false
			{"call.status": {"$regex": "(?i)^COMPL"}}               | true
			{"call.status": {"$regex": "let"}}                      | true
			{"call.duration_seconds": {"$regex": "4"}}              | false
			{"call.tags": {"$regex": "^v.p$"}}                      | true
			{"call.missing": {"$regex": ".*"}}                      | false
			""")
	void presenceAndTextOperators(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"$and": [{"call.status": "completed"}, {"call.duration_seconds": {"$gte": 30}}]} | true
			{"$and": [{"call.status": "completed"}, {"call.duration_seconds": {"$gte": 60}}]} | false
			{"$or": [{"call.status": "failed"}, {"call.duration_seconds": {"$gte": 30}}]}     | true
			{"$or": [{"call.status": "failed"}, {"call.direction": "outbound"}]}              | false
			{"$not": {"call.status": "failed"}}                                               | true
			{"$not": {"call.status": "completed"}}                                            | false
			{"$not": {"$or": [{"call.status": "failed"}, {"call.missing": {"$exists": true}}]}} | true
			{"event": "call.completed", "$or": [{"call.tags": "vip"}, {"call.rating": {"$gte": 5}}]} | true
			""")
	void groups(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"header:user-agent": {"$startsWith": "MiniVoice/"}}    | true
			{"header:User-Agent": "MiniVoice/2.1"}                  | true
			{"header:x-missing": {"$exists": false}}                | true
			{"normalized:call.direction": "inbound"}                | true
			{"normalized:call.duration_seconds": {"$gte": 30}}      | true
			{"normalized:schema": "switchboard.call-event.v1"}      | true
			{"normalized:event": "call.completed"}                  | false
			""")
	void headersAndTheNormalizedEvent(String rule, boolean expected) {
		assertThat(matches(rule)).isEqualTo(expected);
	}

	@Test
	void bodyThatIsNotJsonMatchesOnlyWhatMissingFieldsMatch() {
		FilterSubject notJson = new FilterSubject(MissingNode::getInstance, Map.of(), MissingNode::getInstance);
		assertThat(RouteFilter.parse("{\"call.status\": \"completed\"}").matches(notJson)).isFalse();
		assertThat(RouteFilter.parse("{\"call.status\": {\"$exists\": false}}").matches(notJson)).isTrue();
		assertThat(RouteFilter.parse("{}").matches(notJson)).isTrue();
	}

	@Test
	void normalizedEventIsMadeOnlyWhenARuleAsksForIt() {
		int[] made = { 0 };
		FilterSubject subject = new FilterSubject(() -> json(BODY), Map.of(), () -> {
			made[0]++;
			return json(NORMALIZED);
		});
		RouteFilter.parse("{\"call.status\": \"completed\"}").matches(subject);
		assertThat(made[0]).isZero();
		RouteFilter.parse("{\"normalized:call.direction\": \"inbound\"}").matches(subject);
		RouteFilter.parse("{\"normalized:call.direction\": \"inbound\"}").matches(subject);
		assertThat(made[0]).isOne();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			[]                                                      | is a JSON object
			"call.completed"                                        | is a JSON object
			{"call.status": {"$like": "x"}}                         | Unknown operator $like on "call.status"
			{"$nor": []}                                            | Unknown $nor
			{"call.status": {"$in": "completed"}}                   | $in on "call.status" takes a list
			{"call.status": {"$nin": 3}}                            | $nin on "call.status" takes a list
			{"call.duration": {"$gt": [1]}}                         | $gt on "call.duration" takes a number or a string
			{"call.duration": {"$lte": null}}                       | $lte on "call.duration" takes a number or a string
			{"call.answered": {"$gt": false}}                       | $gt on "call.answered" takes a number or a string
			{"call.status": {"$exists": "yes"}}                     | $exists on "call.status" takes true or false
			{"call.status": {"$startsWith": 1}}                     | $startsWith on "call.status" takes a string
			{"call.status": {"$regex": "(a)\\\\1"}}                 | not a pattern Switchboard can run in linear time
			{"call.status": {"$regex": "(?=a)"}}                    | not a pattern Switchboard can run in linear time
			{"call.status": {"$eq": "a", "x": 1}}                   | mixes operators with fields
			{"$and": []}                                            | $and takes a list of rule objects
			{"$or": [1]}                                            | $or takes a list of rule objects
			{"$not": [{"a": 1}]}                                    | $not takes a rule object
			{"call..status": 1}                                     | is not a field path
			{"call.status.": 1}                                     | is not a field path
			{"header:bad name": 1}                                  | does not name a header
			""")
	void malformedRulesAreRefusedWithAReason(String rule, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> RouteFilter.parse(rule)).withMessageContaining(reason);
	}

	@Test
	void rulesTooDeepTooLargeOrWithLongPatternsAreRefused() {
		String deep = "{\"a\": 1}";
		for (int i = 0; i < 12; i++) {
			deep = "{\"$not\": " + deep + "}";
		}
		String nested = deep;
		assertThatIllegalArgumentException().isThrownBy(() -> RouteFilter.parse(nested))
			.withMessageContaining("at most 10 deep");
		StringBuilder many = new StringBuilder("{");
		for (int i = 0; i < 201; i++) {
			many.append(i > 0 ? "," : "").append("\"f").append(i).append("\": 1");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RouteFilter.parse(many.append("}").toString()))
			.withMessageContaining("at most 200 tests");
		String longPattern = "{\"a\": {\"$regex\": \"" + "x".repeat(501) + "\"}}";
		assertThatIllegalArgumentException().isThrownBy(() -> RouteFilter.parse(longPattern))
			.withMessageContaining("at most 500 characters");
		String huge = "{\"a\": \"" + "x".repeat(17_000) + "\"}";
		assertThatIllegalArgumentException().isThrownBy(() -> RouteFilter.parse(huge))
			.withMessageContaining("16384 characters");
	}

	@Test
	void catastrophicBacktrackingPatternRunsInLinearTime() {
		// (a+)+$ against "aaaa…b" takes exponential time in a backtracking engine: with
		// java.util.regex 30 a's already take seconds
		RouteFilter filter = RouteFilter.parse("{\"text\": {\"$regex\": \"^(a+)+$\"}}");
		String text = "a".repeat(50_000) + "b";
		FilterSubject subject = new FilterSubject(() -> JSON.createObjectNode().put("text", text), Map.of(),
				MissingNode::getInstance);
		boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> filter.matches(subject));
		assertThat(matched).isFalse();
	}

	@Test
	void ruleIsKeptAsGiven() {
		RouteFilter filter = RouteFilter.parse("{\"call.status\": {\"$in\": [\"completed\"]}}");
		assertThat(filter.json().toString()).isEqualTo("{\"call.status\":{\"$in\":[\"completed\"]}}");
	}

	private static boolean matches(String rule) {
		FilterSubject subject = new FilterSubject(() -> json(BODY), Map.of("user-agent", "MiniVoice/2.1"),
				() -> json(NORMALIZED));
		return RouteFilter.parse(rule).matches(subject);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
