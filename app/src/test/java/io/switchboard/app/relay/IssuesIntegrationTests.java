package io.switchboard.app.relay;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issues through the whole relay: a receiver answering 410 switches its destination off
 * and opens one issue that says why; switching it on again resolves it. A sender with the
 * wrong secret opens a {@code source-rejecting} issue. Acknowledging keeps it open.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.issues.scan-interval=200ms", "switchboard.issues.refusal-threshold=3" })
class IssuesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry registry;

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void goneReceiverOpensOneIssueThatResolvesWhenTheDestinationIsOnAgain() throws Exception {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("issues-" + System.nanoTime() + "@example.com");
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		String destination = api
			.call("POST", "/api/v1/destinations", Map.of("kind", "zapier", "name", "Deleted Zap", "url",
					this.receiver.url(), "rateLimitPerSecond", 1000))
			.body()
			.path("id")
			.asString();
		api.call("POST", "/api/v1/routes",
				Map.of("sourceId", source.body().path("id").asString(), "destinationId", destination));
		this.receiver.answer(410);
		String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"c1\"},"
				+ "\"variables\":{},\"data\":{}}";
		assertThat(api
			.postMiniVoice(source.body().path("inboundUrl").asString(), source.body().path("secret").asString(), body)
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> openIssues(api).size() == 1);
		JsonNode issue = openIssues(api).get(0);
		assertThat(issue.path("kind").asString()).isEqualTo("destination-disabled");
		assertThat(issue.path("resourceId").asString()).isEqualTo(destination);
		assertThat(issue.path("summary").asString()).contains("Deleted Zap").contains("410");
		Thread.sleep(600); // several scans: still one issue
		assertThat(api.call("GET", "/api/v1/issues", null).body().path("data")).hasSize(1);
		assertThat(this.registry.get("switchboard.issues.open").tag("kind", "destination-disabled").gauge().value())
			.isGreaterThanOrEqualTo(1);

		String path = "/api/v1/issues/" + issue.path("id").asString();
		assertThat(api.call("POST", path + "/acknowledge", null).body().path("status").asString())
			.isEqualTo("acknowledged");
		this.receiver.answer(200);
		api.call("PATCH", "/api/v1/destinations/" + destination, Map.of("enabled", true));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "resolved".equals(api.call("GET", path, null).body().path("status").asString()));
		assertThat(api.call("GET", path, null).body().path("resolution").asString()).contains("on again");
	}

	@Test
	void wrongSecretOpensASourceRejectingIssue() throws Exception {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("rejecting-" + System.nanoTime() + "@example.com");
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Line"));
		for (int i = 0; i < 3; i++) {
			String body = "{\"event\":\"call.completed\",\"call\":{\"id\":\"r" + i + "\"}}";
			assertThat(api.postMiniVoice(source.body().path("inboundUrl").asString(), "not-the-secret-at-all", body)
				.status()).isEqualTo(401);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> openIssues(api).size() == 1);
		JsonNode issue = openIssues(api).get(0);
		assertThat(issue.path("kind").asString()).isEqualTo("source-rejecting");
		assertThat(issue.path("summary").asString()).contains("Line").contains("secret");
		assertThat(api.call("GET", "/api/v1/issues?status=later", null).status()).isEqualTo(400);
	}

	private static java.util.List<JsonNode> openIssues(SwitchboardApi api) {
		java.util.List<JsonNode> open = new java.util.ArrayList<>();
		api.call("GET", "/api/v1/issues?status=open", null).body().path("data").forEach(open::add);
		return open;
	}

}
