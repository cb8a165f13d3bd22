package io.switchboard.app.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole relay through its public face, all roles in one process: signed MiniVoice
 * events in over HTTP, a receiver on 127.0.0.1 that fails until the deliveries are dead,
 * a bulk replay followed through its job, a destination's test send, and the circuit
 * state the API shows.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.circuit-open-duration=300ms", "switchboard.worker.replay-batch-size=2" })
@ExtendWith(OutputCaptureExtension.class)
class RelayOverHttpIntegrationTests {

	@LocalServerPort
	private int port;

	private TestReceiver receiver;

	private SwitchboardApi api;

	private String inboundUrl;

	private String secret;

	private String destinationId;

	@BeforeEach
	void configureRelay() throws Exception {
		this.receiver = new TestReceiver();
		this.api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("relay-" + System.nanoTime() + "@example.com");
		Answer source = this.api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		this.inboundUrl = source.body().path("inboundUrl").asString();
		this.secret = source.body().path("secret").asString();
		Answer destination = this.api.call("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "CRM", "url", this.receiver.url(), "retryDelaysMs", List.of(10)));
		assertThat(destination.status()).isEqualTo(201);
		this.destinationId = destination.body().path("id").asString();
		assertThat(
				this.api
					.call("POST", "/api/v1/routes",
							Map.of("sourceId", source.body().path("id").asString(), "destinationId",
									this.destinationId))
					.status())
			.isEqualTo(201);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void deadDeliveriesAreReplayedInBulkThroughAJobWhoseProgressIsFollowed() throws Exception {
		this.receiver.answer(503);
		for (int i = 0; i < 5; i++) {
			String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_"
					+ i + "\",\"status\":\"completed\"},\"variables\":{},\"data\":{}}";
			assertThat(this.api.postMiniVoice(this.inboundUrl, this.secret, body).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("dead") == 5);
		assertThat(this.api.call("GET", "/api/v1/destinations/" + this.destinationId, null)
			.body()
			.path("circuit")
			.path("state")
			.asString()).isEqualTo("open");
		this.receiver.answer(200);
		Answer started = this.api.call("POST", "/api/v1/deliveries/replay",
				Map.of("status", "dead", "destinationId", this.destinationId));
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.body().path("kind").asString()).isEqualTo("replay");
		assertThat(started.body().path("total").asLong()).isEqualTo(5);
		String job = started.headers().getLocation().toString();
		assertThat(job).startsWith("/api/v1/jobs/job_");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "finished".equals(this.api.call("GET", job, null).body().path("status").asString()));
		Answer finished = this.api.call("GET", job, null);
		assertThat(finished.body().path("done").asLong()).isEqualTo(5);
		assertThat(finished.body().path("failed").asLong()).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("delivered") == 5);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "closed".equals(this.api.call("GET", "/api/v1/destinations/" + this.destinationId, null)
				.body()
				.path("circuit")
				.path("state")
				.asString()));
	}

	@Test
	void testSendAnswersWithTheAttempt() {
		Answer attempt = this.api.call("POST", "/api/v1/destinations/" + this.destinationId + "/test", null);
		assertThat(attempt.status()).isEqualTo(200);
		assertThat(attempt.body().path("id").asString()).startsWith("att_");
		assertThat(attempt.body().path("trigger").asString()).isEqualTo("test");
		assertThat(attempt.body().path("outcome").asString()).isEqualTo("delivered");
		assertThat(attempt.body().path("responseStatus").asInt()).isEqualTo(200);
		assertThat(this.receiver.received()).singleElement()
			.satisfies((arrival) -> assertThat(arrival.header("switchboard-test")).isEqualTo("true"));
		assertThat(this.api.call("POST", "/api/v1/destinations/dst_01fwhe4ydgfk1shh6w1g60eecf/test", null).status())
			.isEqualTo(404);
	}

	@Test
	void customHeaderValuesAreRedactedByValueWhereverAttemptsAreShown(CapturedOutput output) throws Exception {
		String credential = "k3y-" + System.nanoTime() + "-not-for-logs";
		Answer patched = this.api.call("PATCH", "/api/v1/destinations/" + this.destinationId,
				Map.of("headers", Map.of("X-Auth", credential, "X-Forwarded-Credential", "Bearer " + credential)));
		assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
		this.receiver.echo("X-Auth");

		Answer test = this.api.call("POST", "/api/v1/destinations/" + this.destinationId + "/test", null);
		assertThat(test.status()).isEqualTo(200);
		assertThat(test.body().toString()).doesNotContain(credential).contains("[redacted]");

		String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_r\","
				+ "\"status\":\"completed\"},\"variables\":{},\"data\":{}}";
		assertThat(this.api.postMiniVoice(this.inboundUrl, this.secret, body).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("delivered") == 1);
		String deliveryId = this.api.call("GET", "/api/v1/deliveries?status=delivered", null)
			.body()
			.path("data")
			.get(0)
			.path("id")
			.asString();
		Answer attempts = this.api.call("GET", "/api/v1/deliveries/" + deliveryId + "/attempts", null);
		assertThat(attempts.status()).isEqualTo(200);
		assertThat(attempts.body().toString()).doesNotContain(credential).contains("[redacted]");
		assertThat(this.api.call("GET", "/api/v1/deliveries/" + deliveryId, null).body().toString())
			.doesNotContain(credential);
		assertThat(this.api.call("GET", "/api/v1/destinations/" + this.destinationId, null).body().toString())
			.doesNotContain(credential);
		assertThat(output.getAll()).doesNotContain(credential);
	}

	@Test
	void bulkReplayOfDeliveriesThatAreNotFinishedIsRefusedNamingTheField() {
		Answer refused = this.api.call("POST", "/api/v1/deliveries/replay", Map.of("status", "pending"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
		assertThat(refused.body().toString()).contains("status");
		assertThat(this.api.call("GET", "/api/v1/jobs/job_01fwhe4ydgfk1shh6w1g60eecf", null).status()).isEqualTo(404);
	}

	private long deliveries(String status) {
		return this.api.call("GET", "/api/v1/deliveries?status=" + status, null).body().path("data").size();
	}

}
