package io.switchboard.api.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery history over HTTP: cursor pages that neither skip nor repeat while new
 * deliveries arrive, filters, limits.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DeliveryHistoryIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private EventStore store;

	private ApiClient api;

	private String token;

	private TenantId tenantId;

	private SourceId sourceId;

	private int seeded;

	private String inboundUrl;

	@BeforeEach
	void createRelay() throws Exception {
		this.api = new ApiClient(this.port);
		String email = "history-" + UUID.randomUUID() + "@example.com";
		this.tenantId = TenantId.parse(this.api
			.send("POST", "/api/v1/signup",
					Map.of("tenantName", "History", "email", email, "password", "correct horse battery"), null)
			.text("tenantId"));
		this.token = "Bearer " + this.api
			.send("POST", "/api/v1/tokens",
					Map.of("name", "h", "scopes", List.of("sources:write", "destinations:write", "routes:write",
							"deliveries:read", "events:read")),
					ApiClient.basic(email, "correct horse battery"))
			.text("token");
		Response source = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "MV"),
				this.token);
		this.sourceId = SourceId.parse(source.text("id"));
		this.inboundUrl = source.text("inboundUrl");
		String destination = this.api
			.send("POST", "/api/v1/destinations", Map.of("kind", "custom", "name", "D", "url", "https://d.example/h"),
					this.token)
			.text("id");
		this.api.send("POST", "/api/v1/routes", Map.of("sourceId", source.text("id"), "destinationId", destination),
				this.token);
	}

	@Test
	void pagesWalkEveryDeliveryOnceWhileNewOnesArrive() throws Exception {
		seed(1000);
		Set<String> before = new HashSet<>();
		list("limit=200").forEach((delivery) -> before.add(delivery.path("id").asString()));
		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = this.api.send("GET",
					"/api/v1/deliveries?limit=150" + ((cursor != null) ? "&cursor=" + cursor : ""), null, this.token);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			for (JsonNode delivery : page.json().path("data")) {
				assertThat(seen.add(delivery.path("id").asString())).as("no repeats").isTrue();
				order.add(delivery.path("id").asString());
			}
			cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
			seed(10); // new deliveries arrive between pages
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(7);
		assertThat(seen).as("no gaps").hasSize(1000).containsAll(before);
		assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(list("limit=200").get(0).path("id").asString()).as("new rows arrived meanwhile").isNotIn(seen);
	}

	@Test
	void filtersNarrowTheList() throws Exception {
		seed(5);
		assertThat(list("status=pending").size()).isEqualTo(5);
		assertThat(list("status=dead").size()).isZero();
		assertThat(list("callId=call_2").size()).isEqualTo(1);
		assertThat(list("sourceId=" + this.sourceId).size()).isEqualTo(5);
		assertThat(list("from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").size()).isZero();
	}

	@Test
	void oneDeliveryAndItsAttempts() throws Exception {
		seed(1);
		String id = list("limit=1").get(0).path("id").asString();
		Response delivery = this.api.send("GET", "/api/v1/deliveries/" + id, null, this.token);
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(delivery.text("status")).isEqualTo("pending");
		Response attempts = this.api.send("GET", "/api/v1/deliveries/" + id + "/attempts", null, this.token);
		assertThat(attempts.status()).isEqualTo(200);
		assertThat(attempts.json().path("data").size()).isZero();
	}

	@Test
	void badLimitsAndCursorsAreRefused() throws Exception {
		Response tooMany = this.api.send("GET", "/api/v1/deliveries?limit=500", null, this.token);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.text("code")).isEqualTo("validation-failed");
		assertThat(this.api.send("GET", "/api/v1/deliveries?cursor=bm9wZQ", null, this.token).status()).isEqualTo(400);
	}

	@Test
	void eventsArePagedAndFilteredWithoutTheirBodies() throws Exception {
		seed(7);
		Response first = this.api.send("GET", "/api/v1/events?limit=5", null, this.token);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("data").size()).isEqualTo(5);
		assertThat(first.json().path("data").get(0).has("body")).isFalse();
		Response second = this.api.send("GET",
				"/api/v1/events?limit=5&cursor=" + first.json().path("nextCursor").asString(), null, this.token);
		assertThat(second.json().path("data").size()).isEqualTo(2);
		assertThat(second.json().path("nextCursor").isNull()).isTrue();
		assertThat(this.api.send("GET", "/api/v1/events?callId=call_3&type=call.completed", null, this.token)
			.json()
			.path("data")
			.size()).isEqualTo(1);
		assertThat(this.api.send("GET", "/api/v1/events?test=true", null, this.token).json().path("data").size())
			.isZero();
	}

	@Test
	void refusedRequestsAreListedWithTheirReason() throws Exception {
		this.api.send("PATCH", "/api/v1/sources/" + this.sourceId, Map.of("secret", "now-it-is-signed"), this.token);
		Response refused = this.api.send("POST", this.inboundUrl, "{\"event\":\"call.completed\"}", null);
		assertThat(refused.status()).isEqualTo(401);
		JsonNode rejections = null;
		for (int i = 0; i < 100; i++) {
			rejections = this.api.send("GET", "/api/v1/rejections?sourceId=" + this.sourceId, null, this.token)
				.json()
				.path("data");
			if (rejections.size() > 0) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(rejections.get(0).path("reason").asString()).isEqualTo("signature-missing");
		assertThat(this.api.send("GET", "/api/v1/rejections", null, this.token).status()).isEqualTo(400);
	}

	private JsonNode list(String query) throws Exception {
		Response response = this.api.send("GET", "/api/v1/deliveries?" + query, null, this.token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("data");
	}

	private void seed(int count) {
		List<IncomingEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = this.seeded++;
			events.add(new IncomingEvent(this.tenantId, this.sourceId,
					new EventFacts("call.completed", "call_" + n, null, false, "seed-" + n), "application/json",
					Map.of(), ("{\"n\":" + n + "}").getBytes()));
		}
		this.store.store(events).block();
	}

}
