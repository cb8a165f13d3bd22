package io.switchboard.core.normalized;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.testsupport.ProviderPayloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizedCallEventTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant RECEIVED_AT = Instant.parse("2026-05-29T12:10:03.250Z");

	private static final String EVENT_ID = "evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e";

	private static final List<String> TOP_LEVEL_KEYS = List.of("schema", "event_id", "event_type", "occurred_at",
			"provider", "test", "call", "prospect", "user", "variables", "data");

	private static final List<String> CALL_KEYS = List.of("id", "status", "direction", "from", "to", "duration_seconds",
			"recording_url", "transcript_url", "summary");

	@Test
	void miniVoiceCallCompletedIsNormalized() {
		assertThat(render("minivoice", ProviderPayloads.MINIVOICE_CALL_COMPLETED)).isEqualTo("""
				{"schema":"switchboard.call-event.v1","event_id":"evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e",\
				"event_type":"call.completed","occurred_at":"2026-05-29T12:10:00Z","provider":"minivoice","test":false,\
				"call":{"id":"call_123","status":"completed","direction":"inbound","from":"+15551230001",\
				"to":"+15551230002","duration_seconds":null,"recording_url":null,"transcript_url":null,"summary":null},\
				"prospect":null,"user":null,"variables":{},"data":{}}""");
	}

	@Test
	void miniVoiceCallCreatedKeepsItsVariablesAndData() {
		assertThat(render("minivoice", ProviderPayloads.MINIVOICE_CALL_CREATED)).isEqualTo("""
				{"schema":"switchboard.call-event.v1","event_id":"evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e",\
				"event_type":"call.created","occurred_at":"2026-05-29T12:00:00Z","provider":"minivoice","test":false,\
				"call":{"id":"call_123","status":"in_progress","direction":"outbound","from":"+15551230001",\
				"to":"+15551230002","duration_seconds":null,"recording_url":null,"transcript_url":null,"summary":null},\
				"prospect":null,"user":null,"variables":{},"data":{"event_key":"call_123:call.created"}}""");
		JsonNode withVariables = parse(render("minivoice",
				"{\"event\":\"call.gather\",\"variables\":{\"digits\":\"2\",\"lang\":\"fr\"},\"data\":{\"n\":[1,2]}}"));
		assertThat(withVariables.get("variables").toString()).isEqualTo("{\"digits\":\"2\",\"lang\":\"fr\"}");
		assertThat(withVariables.get("data").toString()).isEqualTo("{\"n\":[1,2]}");
	}

	@Test
	void minariCallCompletedIsNormalized() {
		assertThat(render("minari", ProviderPayloads.MINARI_CALL_COMPLETED)).isEqualTo(
				"""
						{"schema":"switchboard.call-event.v1","event_id":"evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e",\
						"event_type":"call.completed","occurred_at":"2025-12-17T14:30:00Z","provider":"minari","test":false,\
						"call":{"id":null,"status":"connected","direction":"outbound","from":"+33100000000","to":"+33600000000",\
						"duration_seconds":180,\
						"recording_url":"https://app.minari.ai/api/webhook-assets/recording/550e8400-e29b-41d4-a716-446655440000\
						?expires=1734567890&sig=abc123",\
						"transcript_url":"https://app.minari.ai/api/webhook-assets/transcript/550e8400-e29b-41d4-a716-446655440000\
						?expires=1734567890&sig=abc123",\
						"summary":"Discussed pricing options. Prospect is interested but needs internal approval before moving \
						forward. Follow-up scheduled for next week."},\
						"prospect":{"first_name":"John","last_name":"Doe","email":"john.doe@example.com","company":"Acme Inc",\
						"job_title":"Software Engineer","crm_contact_id":"123","crm_company_id":"456"},\
						"user":{"name":"Jane Smith","email":"jane@yourcompany.com"},"variables":{},\
						"data":{"list":{"list_name":"Q1 Outbound Campaign","list_id":"123"}}}""");
	}

	@Test
	void minariDirectionsBecomeInboundAndOutbound() {
		assertThat(direction("minari", "incoming")).isEqualTo("inbound");
		assertThat(direction("minari", "outgoing")).isEqualTo("outbound");
		assertThat(direction("minivoice", "inbound")).isEqualTo("inbound");
		assertThat(direction("minivoice", "outbound")).isEqualTo("outbound");
		assertThat(direction("minari", "sideways")).isEqualTo("sideways");
	}

	@Test
	void minariCallIdIsUsedWhenPresent() {
		JsonNode document = parse(render("minari", "{\"event\":\"call.completed\",\"call\":{\"id\":\"c-42\"}}"));
		assertThat(document.get("call").get("id").asString()).isEqualTo("c-42");
	}

	@Test
	void testFlagComesFromTheStoredEventOrThePayload() {
		String plain = "{\"event\":\"call.completed\"}";
		String marked = "{\"event\":\"call.completed\",\"test\":true}";
		assertThat(test("minari", false, plain)).isFalse();
		assertThat(test("minari", true, plain)).isTrue();
		assertThat(test("minari", false, marked)).isTrue();
		assertThat(test("minari", true, "{\"test\":false}")).isTrue();
	}

	@Test
	void missingFieldsAreNullAndTheTimeFallsBackToReceipt() {
		assertThat(render("minari", "{\"event\":\"call.completed\",\"call\":{}}")).isEqualTo(
				"""
						{"schema":"switchboard.call-event.v1","event_id":"evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e",\
						"event_type":"call.completed","occurred_at":"2026-05-29T12:10:03.250Z","provider":"minari","test":false,\
						"call":{"id":null,"status":null,"direction":null,"from":null,"to":null,"duration_seconds":null,\
						"recording_url":null,"transcript_url":null,"summary":null},\
						"prospect":null,"user":null,"variables":{},"data":{}}""");
	}

	@Test
	void timesAreGivenInUtc() {
		assertThat(occurredAt("minivoice", "{\"created_at\":\"2026-05-29T14:10:00+02:00\"}"))
			.isEqualTo("2026-05-29T12:10:00Z");
		assertThat(occurredAt("minari", "{\"call\":{\"ended_at\":\"2025-12-17T14:30:00.500Z\"}}"))
			.isEqualTo("2025-12-17T14:30:00.500Z");
		assertThat(occurredAt("minivoice", "{\"created_at\":\"yesterday\"}")).isEqualTo("2026-05-29T12:10:03.250Z");
		assertThat(occurredAt("minivoice", "{\"call\":{\"ended_at\":\"2025-12-17T14:30:00Z\"}}"))
			.isEqualTo("2026-05-29T12:10:03.250Z");
	}

	@Test
	void otherProvidersAreReadWithMiniVoiceFieldNames() {
		JsonNode document = parse(render("hmac", ProviderPayloads.MINIVOICE_CALL_COMPLETED));
		assertThat(document.get("provider").asString()).isEqualTo("hmac");
		assertThat(document.get("call").get("from").asString()).isEqualTo("+15551230001");
		assertThat(document.get("occurred_at").asString()).isEqualTo("2026-05-29T12:10:00Z");
	}

	@Test
	void bodyThatIsNotJsonIsKeptAsRawText() {
		assertThat(render("hmac", "a=1&b=2")).isEqualTo("""
				{"schema":"switchboard.call-event.v1","event_id":"evt_0196f1c2a8e47b3c9d2e4f6a8b0c1d2e",\
				"event_type":null,"occurred_at":"2026-05-29T12:10:03.250Z","provider":"hmac","test":false,\
				"call":{"id":null,"status":null,"direction":null,"from":null,"to":null,"duration_seconds":null,\
				"recording_url":null,"transcript_url":null,"summary":null},\
				"prospect":null,"user":null,"variables":{},"data":{"raw":"a=1&b=2"}}""");
	}

	@Test
	void jsonThatIsNotAnObjectIsKeptAsRawText() {
		JsonNode document = parse(render("minivoice", "[1,2,3]"));
		assertThat(keys(document)).isEqualTo(TOP_LEVEL_KEYS);
		assertThat(document.get("data").get("raw").asString()).isEqualTo("[1,2,3]");
		assertThat(document.get("event_type").isNull()).isTrue();
		assertThat(parse(render("minivoice", "")).get("data").get("raw").asString()).isEmpty();
		assertThat(parse(render("minivoice", "{\"event\":\"x\"} trailing")).get("data").has("raw")).isTrue();
	}

	@Test
	void everyDocumentHasExactlyTheDocumentedKeysInOrder() {
		for (String body : List.of(ProviderPayloads.MINIVOICE_CALL_COMPLETED, ProviderPayloads.MINIVOICE_CALL_CREATED,
				ProviderPayloads.MINARI_CALL_COMPLETED, "{}", "not json", "null")) {
			for (String provider : List.of("minivoice", "minari")) {
				JsonNode document = parse(render(provider, body));
				assertThat(keys(document)).isEqualTo(TOP_LEVEL_KEYS);
				assertThat(keys(document.get("call"))).isEqualTo(CALL_KEYS);
				assertThat(document.get("variables").isObject()).isTrue();
				assertThat(document.get("data").isObject()).isTrue();
			}
		}
	}

	@Test
	void userDocumentationNamesEveryKey() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/normalized-call-event.md")) {
			assertThat(in).isNotNull();
			String documentation = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(documentation).contains(NormalizedCallEvent.SCHEMA);
			TOP_LEVEL_KEYS.forEach((key) -> assertThat(documentation).contains("| `" + key + "` |"));
			CALL_KEYS.forEach((key) -> assertThat(documentation).contains("| `call." + key + "` |"));
		}
	}

	private static String render(String provider, String body) {
		return render(provider, false, body);
	}

	private static String render(String provider, boolean test, String body) {
		byte[] document = NormalizedCallEvent.render(provider, EVENT_ID, RECEIVED_AT, test,
				body.getBytes(StandardCharsets.UTF_8));
		return new String(document, StandardCharsets.UTF_8);
	}

	private static String direction(String provider, String direction) {
		String body = "{\"call\":{\"direction\":\"" + direction + "\"}}";
		return parse(render(provider, body)).get("call").get("direction").asString();
	}

	private static boolean test(String provider, boolean stored, String body) {
		return parse(render(provider, stored, body)).get("test").booleanValue();
	}

	private static String occurredAt(String provider, String body) {
		return parse(render(provider, body)).get("occurred_at").asString();
	}

	private static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	private static List<String> keys(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.propertyNames().forEach(keys::add);
		return keys;
	}

}
