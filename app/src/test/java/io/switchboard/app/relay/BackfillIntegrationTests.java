package io.switchboard.app.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route added after the calls happened: its backfill sends the source's past events
 * that its filter lets through, as a job whose progress the API shows; running it again
 * sends nothing twice.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.replay-batch-size=2" })
class BackfillIntegrationTests {

	@LocalServerPort
	private int port;

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void pastEventsTheFilterPassesAreSentOnceThroughAJob() throws Exception {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("backfill-" + System.nanoTime() + "@example.com");
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		String inboundUrl = source.body().path("inboundUrl").asString();
		String secret = source.body().path("secret").asString();
		Instant before = Instant.now().minusSeconds(5);
		for (int i = 0; i < 5; i++) {
			int seconds = (i % 2 == 0) ? 45 : 10;
			String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_"
					+ i + "\",\"status\":\"completed\",\"duration_seconds\":" + seconds
					+ "},\"variables\":{},\"data\":{}}";
			assertThat(api.postMiniVoice(inboundUrl, secret, body).status()).isEqualTo(200);
		}
		String destination = api
			.call("POST", "/api/v1/destinations",
					Map.of("kind", "custom", "name", "New Zap", "url", this.receiver.url()))
			.body()
			.path("id")
			.asString();
		String route = api
			.call("POST", "/api/v1/routes", Map.of("sourceId", source.body().path("id").asString(), "destinationId",
					destination, "filter", Map.of("call.duration_seconds", Map.of("$gte", 30))))
			.body()
			.path("id")
			.asString();
		Thread.sleep(300);
		assertThat(this.receiver.received()).isEmpty();

		Answer started = api.call("POST", "/api/v1/routes/" + route + "/backfill", Map.of("from", before.toString()));
		assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
		assertThat(started.body().path("kind").asString()).isEqualTo("backfill");
		assertThat(started.body().path("total").asLong()).isEqualTo(5);
		String job = started.headers().getLocation().toString();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "finished".equals(api.call("GET", job, null).body().path("status").asString()));
		Answer finished = api.call("GET", job, null);
		assertThat(finished.body().path("done").asLong()).isEqualTo(5);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.receiver.received().size() == 3);

		Answer again = api.call("POST", "/api/v1/routes/" + route + "/backfill", Map.of("from", before.toString()));
		String secondJob = again.headers().getLocation().toString();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "finished".equals(api.call("GET", secondJob, null).body().path("status").asString()));
		Thread.sleep(500);
		assertThat(this.receiver.received()).hasSize(3);

		Answer tooWide = api.call("POST", "/api/v1/routes/" + route + "/backfill",
				Map.of("from", Instant.now().minus(Duration.ofDays(40)).toString()));
		assertThat(tooWide.status()).isEqualTo(400);
		assertThat(tooWide.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
		Answer audit = api.call("GET", "/api/v1/audit-log", null);
		assertThat(audit.body().path("data").findValuesAsString("action")).contains("route.backfill-started");
	}

}
