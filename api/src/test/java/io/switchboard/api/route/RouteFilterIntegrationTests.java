package io.switchboard.api.route;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.api.ApiIntegrationTestApplication;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route's filter over HTTP and PostgreSQL: an event the filter holds back gets no
 * delivery and is counted on the route; one it lets through gets its delivery; a rule can
 * be tried on a payload or a received event before it is saved; a bad rule is refused
 * naming the problem.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RouteFilterIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	private int port;

	private ApiClient api;

	private String token;

	private String sourceId;

	private String inboundUrl;

	private String destinationId;

	@BeforeEach
	void relay() {
		this.api = new ApiClient(this.port);
		String email = "filter-" + UUID.randomUUID() + "@example.com";
		this.api.send("POST", "/api/v1/signup", Map.of("tenantName", "Filters", "email", email, "password", PASSWORD),
				null);
		this.token = ApiClient.bearer(
				this.api
					.send("POST", "/api/v1/tokens",
							Map.of("name", "t", "scopes", List.of("sources:write", "destinations:write", "routes:write",
									"events:read", "deliveries:read")),
							ApiClient.basic(email, PASSWORD))
					.text("token"));
		Response source = this.api.send("POST", "/api/v1/sources",
				Map.of("provider", "minivoice", "name", "Calls", "generateSecret", false), this.token);
		this.sourceId = source.text("id");
		this.inboundUrl = source.text("inboundUrl");
		this.destinationId = this.api
			.send("POST", "/api/v1/destinations",
					Map.of("kind", "custom", "name", "CRM", "url", "https://crm.example/hooks"), this.token)
			.text("id");
	}

	@Test
	void eventTheFilterHoldsBackGetsNoDeliveryAndIsCounted() {
		Response route = this.api.send("POST", "/api/v1/routes",
				Map.of("sourceId", this.sourceId, "destinationId", this.destinationId, "eventTypes",
						List.of("call.completed"), "filter",
						Map.of("call.direction", "inbound", "call.duration_seconds", Map.of("$gte", 30))),
				this.token);
		assertThat(route.status()).as(route.body()).isEqualTo(201);
		assertThat(route.json().path("filter").path("call.duration_seconds").path("$gte").asInt()).isEqualTo(30);

		String shortCall = post("inbound", 12);
		String longCall = post("inbound", 95);
		String outbound = post("outbound", 300);

		assertThat(deliveries(shortCall)).isZero();
		assertThat(deliveries(longCall)).isOne();
		assertThat(deliveries(outbound)).isZero();
		String path = "/api/v1/routes/" + route.text("id");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.api.send("GET", path, null, this.token).json().path("filteredCount").asLong())
						.isEqualTo(2));
	}

	@Test
	void removingTheFilterForwardsEveryEventAgain() {
		String path = "/api/v1/routes/" + this.api
			.send("POST", "/api/v1/routes", Map.of("sourceId", this.sourceId, "destinationId", this.destinationId,
					"filter", Map.of("call.direction", "outbound")), this.token)
			.text("id");
		assertThat(deliveries(post("inbound", 40))).isZero();
		Response cleared = this.api.send("PATCH", path, Map.of("filter", Map.of()), this.token);
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().path("filter").isNull() || cleared.json().path("filter").isMissingNode()).isTrue();
		assertThat(deliveries(post("inbound", 40))).isOne();
	}

	@Test
	void ruleIsTriedOnAPayloadOrAReceivedEventBeforeItIsSaved() {
		String path = "/api/v1/routes/" + this.api
			.send("POST", "/api/v1/routes", Map.of("sourceId", this.sourceId, "destinationId", this.destinationId,
					"eventTypes", List.of("call.*")), this.token)
			.text("id");
		Map<String, Object> longInbound = Map.of("event", "call.completed", "call",
				Map.of("id", "c-1", "direction", "inbound", "duration_seconds", 45));
		Response passes = this.api.send("POST", path + "/filter-test",
				Map.of("payload", longInbound, "filter", Map.of("call.duration_seconds", Map.of("$gte", 30))),
				this.token);
		assertThat(passes.status()).as(passes.body()).isEqualTo(200);
		assertThat(passes.json().path("matches").asBoolean()).isTrue();
		assertThat(passes.text("eventType")).isEqualTo("call.completed");

		Response fails = this.api.send("POST", path + "/filter-test",
				Map.of("payload", longInbound, "filter", Map.of("call.duration_seconds", Map.of("$gte", 60))),
				this.token);
		assertThat(fails.json().path("matches").asBoolean()).isFalse();
		assertThat(fails.json().path("filterPasses").asBoolean()).isFalse();
		assertThat(fails.json().path("eventTypeCarried").asBoolean()).isTrue();

		String received = post("outbound", 10);
		Response onEvent = this.api.send("POST", path + "/filter-test",
				Map.of("eventId", received, "filter", Map.of("normalized:call.direction", "outbound")), this.token);
		assertThat(onEvent.status()).as(onEvent.body()).isEqualTo(200);
		assertThat(onEvent.json().path("matches").asBoolean()).isTrue();

		Response notCarried = this.api.send("POST", path + "/filter-test",
				Map.of("payload", Map.of("event", "recording.ready")), this.token);
		assertThat(notCarried.json().path("eventTypeCarried").asBoolean()).isFalse();
		assertThat(notCarried.json().path("filterPasses").asBoolean()).isTrue();
		assertThat(notCarried.json().path("matches").asBoolean()).isFalse();

		Response neither = this.api.send("POST", path + "/filter-test", Map.of(), this.token);
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().path("errors").findValuesAsString("field")).contains("payload");
		Response unknownEvent = this.api.send("POST", path + "/filter-test",
				Map.of("eventId", "evt_01kbq3n7mqfzv2c2xgj7d9x0ab"), this.token);
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.json().path("errors").findValuesAsString("field")).contains("eventId");
		assertThat(this.api
			.send("POST", "/api/v1/routes/rte_01kbq3n7mqfzv2c2xgj7d9x0ab/filter-test", Map.of("payload", longInbound),
					this.token)
			.status()).isEqualTo(404);
	}

	@Test
	void badRuleIsRefusedNamingTheProblem() {
		Response refused = this.api.send("POST", "/api/v1/routes", Map.of("sourceId", this.sourceId, "destinationId",
				this.destinationId, "filter", Map.of("call.status", Map.of("$regex", "(a)\\1"))), this.token);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("filter");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("linear time");
		Response notObject = this.api.send("POST", "/api/v1/routes",
				Map.of("sourceId", this.sourceId, "destinationId", this.destinationId, "filter", List.of(1)),
				this.token);
		assertThat(notObject.status()).isEqualTo(400);
		assertThat(notObject.json().path("errors").get(0).path("message").asString()).contains("is a JSON object");
	}

	private String post(String direction, int seconds) {
		String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-12-01T10:00:00Z\",\"call\":{\"id\":\""
				+ UUID.randomUUID() + "\",\"direction\":\"" + direction + "\",\"duration_seconds\":" + seconds + "}}";
		Response accepted = this.api.send("POST", this.inboundUrl, body, null,
				Map.of("Content-Type", "application/json"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		return accepted.text("event_id");
	}

	private int deliveries(String eventId) {
		Response event = this.api.send("GET", "/api/v1/events/" + eventId, null, this.token);
		assertThat(event.status()).as(event.body()).isEqualTo(200);
		return event.json().path("deliveries").size();
	}

}
