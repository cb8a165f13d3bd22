package io.switchboard.app.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Filters and transformations through the whole relay: a MiniVoice event in over HTTP, a
 * route whose filter holds back short calls, a destination whose JSONata expression
 * reshapes the body; the receiver on 127.0.0.1 gets only the long call, transformed and
 * signed over the transformed bytes (verified with the Standard Webhooks library); an
 * event the expression cannot map goes dead with {@code transform-failed} and the error,
 * without a request.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms" })
class TransformOverHttpIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private TestReceiver receiver;

	private SwitchboardApi api;

	private String inboundUrl;

	private String secret;

	private String signingSecret;

	private String destinationId;

	@BeforeEach
	void configureRelay() {
		this.receiver = new TestReceiver();
		this.api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("transform-" + System.nanoTime() + "@example.com");
		Answer source = this.api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		this.inboundUrl = source.body().path("inboundUrl").asString();
		this.secret = source.body().path("secret").asString();
		Answer destination = this.api.call("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "CRM", "url", this.receiver.url(), "retryDelaysMs", List.of(10),
						"transform", "{\"caller\": call.from, \"minutes\": $round(call.duration_seconds / 60, 1), "
								+ "\"first\": $substring(call.from, 0, 2 * $number(call.duration_seconds))}"));
		assertThat(destination.status()).as(destination.body().toString()).isEqualTo(201);
		this.destinationId = destination.body().path("id").asString();
		this.signingSecret = destination.body().path("signingSecret").asString();
		Answer route = this.api.call("POST", "/api/v1/routes", Map.of("sourceId", source.body().path("id").asString(),
				"destinationId", this.destinationId, "filter", Map.of("call.duration_seconds", Map.of("$gte", 30))));
		assertThat(route.status()).as(route.body().toString()).isEqualTo(201);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void onlyTheLongCallArrivesTransformedAndSignedOverTheBytesSent() throws Exception {
		assertThat(post("call_short", "\"+15550100\"", 12).status()).isEqualTo(200);
		assertThat(post("call_long", "\"+15550199\"", 150).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.receiver.received().size() == 1);
		TestReceiver.Received request = this.receiver.received().get(0);
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.path("caller").asString()).isEqualTo("+15550199");
		assertThat(body.path("minutes").asDouble()).isEqualTo(2.5);
		assertThat(request.header("content-type")).startsWith("application/json");
		new Webhook(this.signingSecret).verify(request.body(), request.headers());
		Thread.sleep(500);
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void eventTheExpressionCannotMapGoesDeadWithTheErrorAndNoRequest() throws Exception {
		// the caller is a number here: $substring of a number is a type error
		assertThat(post("call_odd", "15550142", 45).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(delivery().path("status").asString()));
		JsonNode delivery = delivery();
		assertThat(delivery.path("lastError").asString()).startsWith("transform-failed: ");
		Answer attempts = this.api.call("GET", "/api/v1/deliveries/" + delivery.path("id").asString() + "/attempts",
				null);
		assertThat(attempts.body().path("data").get(0).path("errorClass").asString()).isEqualTo("transform-failed");
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void transformationIsTriedOnAPayloadBeforeItIsSaved() {
		Answer tried = this.api.call("POST", "/api/v1/destinations/" + this.destinationId + "/transform-test",
				Map.of("payload", Map.of("call", Map.of("from", "+15550100", "duration_seconds", 90)), "transform",
						"{\"who\": call.from, \"long\": call.duration_seconds > 60}"));
		assertThat(tried.status()).as(tried.body().toString()).isEqualTo(200);
		assertThat(tried.body().path("body").path("who").asString()).isEqualTo("+15550100");
		assertThat(tried.body().path("body").path("long").asBoolean()).isTrue();
		Answer failing = this.api.call("POST", "/api/v1/destinations/" + this.destinationId + "/transform-test",
				Map.of("payload", Map.of("call", Map.of()), "transform", "call.nothing"));
		assertThat(failing.body().path("error").asString()).contains("gave nothing");
		Answer refused = this.api.call("POST", "/api/v1/destinations/" + this.destinationId + "/transform-test",
				Map.of("payload", Map.of("call", Map.of()), "transform", "$match(call.from, /(a+)+$/)"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("transform");
	}

	private Answer post(String callId, String from, int seconds) throws Exception {
		String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\""
				+ callId + "\",\"status\":\"completed\",\"from\":" + from + ",\"duration_seconds\":" + seconds
				+ "},\"variables\":{},\"data\":{}}";
		return this.api.postMiniVoice(this.inboundUrl, this.secret, body);
	}

	private JsonNode delivery() {
		return this.api.call("GET", "/api/v1/deliveries?destinationId=" + this.destinationId, null)
			.body()
			.path("data")
			.get(0);
	}

}
