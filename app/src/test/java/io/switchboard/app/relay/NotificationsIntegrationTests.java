package io.switchboard.app.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.testsupport.TestReceiver.Received;
import io.switchboard.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications through the whole relay with three workers on one database (this
 * application and two worker-only ones): a Zapier destination answering 410 is switched
 * off and its tenant gets exactly one e-mail (a real SMTP server, GreenMail) and one
 * Slack message within 60 s; switching it on again with the receiver back sends exactly
 * one "resolved" notice to each. A mistyped Minari secret sends a
 * {@code source.rejecting} operational webhook that the Standard Webhooks reference
 * library verifies.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.issues.scan-interval=300ms", "switchboard.notifications.poll-interval=200ms",
				"switchboard.notifications.from=alerts@switchboard.test", "switchboard.issues.refusal-threshold=3",
				"switchboard.public-url=https://switchboard.example.com" })
class NotificationsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TestSmtp SMTP = new TestSmtp();

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

	private final TestReceiver zap = new TestReceiver();

	private final TestReceiver slack = new TestReceiver();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.port());
	}

	@AfterEach
	void stop() {
		this.workers.forEach(ConfigurableApplicationContext::close);
		this.zap.close();
		this.slack.close();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.close();
	}

	@Test
	void goneZapSendsOneEmailAndOneSlackMessageThenOneResolvedEachWithThreeWorkers() throws Exception {
		startWorker();
		startWorker();
		String email = "notify-" + System.nanoTime() + "@example.com";
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port).signUp(email);
		String oncall = "oncall-" + System.nanoTime() + "@tenant.test";
		assertThat(api
			.call("POST", "/api/v1/notification-channels", Map.of("type", "email", "name", "On call", "target", oncall))
			.status()).isEqualTo(201);
		assertThat(api
			.call("POST", "/api/v1/notification-channels",
					Map.of("type", "slack", "name", "#ops", "target", this.slack.url()))
			.status()).isEqualTo(201);
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		String destination = api
			.call("POST", "/api/v1/destinations",
					Map.of("kind", "zapier", "name", "Deleted Zap", "url", this.zap.url(), "rateLimitPerSecond", 1000))
			.body()
			.path("id")
			.asString();
		api.call("POST", "/api/v1/routes",
				Map.of("sourceId", source.body().path("id").asString(), "destinationId", destination));
		this.zap.answer(410);
		String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"n1\"},"
				+ "\"variables\":{},\"data\":{}}";
		assertThat(api
			.postMiniVoice(java.net.URI.create(source.body().path("inboundUrl").asString()).getPath(),
					source.body().path("secret").asString(), body)
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> mails(oncall).size() == 1 && this.slack.received().size() == 1);
		Thread.sleep(2_000); // several scans and sends by three workers: still one each
		assertThat(mails(oncall)).hasSize(1);
		assertThat(this.slack.received()).hasSize(1);
		MimeMessage opened = mails(oncall).get(0);
		assertThat(opened.getSubject()).isEqualTo("[Switchboard] Destination switched off: \"Deleted Zap\"");
		assertThat(opened.getContent().toString()).contains("410")
			.contains("Why: attempt 1")
			.contains("Fix it: https://switchboard.example.com/destinations/" + destination);
		JsonNode post = JSON.readTree(this.slack.received().get(0).body());
		assertThat(post.path("text").asString()).contains("Deleted Zap").contains("410");
		JsonNode issues = api.call("GET", "/api/v1/issues?status=open", null).body().path("data");
		assertThat(issues).hasSize(1);
		assertThat(issues.get(0).path("kind").asString()).isEqualTo("destination-disabled");

		this.zap.answer(200);
		api.call("PATCH", "/api/v1/destinations/" + destination, Map.of("enabled", true));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> mails(oncall).size() == 2 && this.slack.received().size() == 2);
		Thread.sleep(2_000);
		assertThat(mails(oncall)).hasSize(2);
		assertThat(this.slack.received()).hasSize(2);
		assertThat(mails(oncall).get(1).getSubject()).startsWith("[Switchboard] Resolved: Destination switched off");
		Received resolved = this.slack.received().get(1);
		assertThat(JSON.readTree(resolved.body()).path("text").asString()).contains("Resolved").contains("on again");
	}

	@Test
	void mistypedMinariSecretSendsASignedSourceRejectingWebhook() throws Exception {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("minari-" + System.nanoTime() + "@example.com");
		Answer channel = api.call("POST", "/api/v1/notification-channels", Map.of("type", "webhook", "name", "Ops",
				"target", this.slack.url(), "eventTypes", List.of("source.rejecting")));
		assertThat(channel.status()).isEqualTo(201);
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minari", "name", "Minari line"));
		String sourceId = source.body().path("id").asString();
		api.call("PATCH", "/api/v1/sources/" + sourceId, Map.of("secret", "minari-shown-secret"));
		String inbound = java.net.URI.create(source.body().path("inboundUrl").asString()).getPath();
		for (int i = 0; i < 3; i++) {
			String body = "{\"event\":\"call.completed\",\"call\":{\"id\":\"m" + i + "\"}}";
			assertThat(api.postMinari(inbound, "minari-mistyped-secret", body).status()).isEqualTo(401);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> this.slack.received().size() == 1);
		Received post = this.slack.received().get(0);
		new Webhook(channel.body().path("signingSecret").asString()).verify(post.body(), post.headers());
		JsonNode event = JSON.readTree(post.body());
		assertThat(event.path("type").asString()).isEqualTo("source.rejecting");
		assertThat(event.path("data").path("resourceId").asString()).isEqualTo(sourceId);
		assertThat(event.path("data").path("summary").asString()).contains("Minari line").contains("secret");
		assertThat(event.path("data").path("url").asString())
			.isEqualTo("https://switchboard.example.com/sources/" + sourceId);
		JsonNode issues = api.call("GET", "/api/v1/issues?status=open", null).body().path("data");
		assertThat(issues.get(0).path("kind").asString()).isEqualTo("source-rejecting");
	}

	private List<MimeMessage> mails(String to) {
		return SMTP.receivedBy(to);
	}

	private void startWorker() {
		this.workers.add(new SpringApplicationBuilder(SwitchboardApplication.class).run("--switchboard.roles=worker",
				"--server.port=0", "--spring.r2dbc.url=" + this.environment.getProperty("spring.r2dbc.url"),
				"--spring.r2dbc.username=" + this.environment.getProperty("spring.r2dbc.username"),
				"--spring.r2dbc.password=" + this.environment.getProperty("spring.r2dbc.password", ""),
				"--switchboard.secrets.master-key=" + this.environment.getProperty("switchboard.secrets.master-key"),
				"--switchboard.egress.allow-private-networks=true", "--switchboard.worker.poll-interval=100ms",
				"--switchboard.issues.scan-interval=300ms", "--switchboard.notifications.poll-interval=200ms",
				"--switchboard.notifications.from=alerts@switchboard.test",
				"--switchboard.public-url=https://switchboard.example.com", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP.port()));
	}

}
