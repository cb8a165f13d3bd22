package io.switchboard.worker.notice;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.standardwebhooks.Webhook;
import io.switchboard.core.audit.Actor;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.fixture.Relays;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.issue.IssueScan;
import io.switchboard.core.notification.ChannelDraft;
import io.switchboard.core.notification.NoticeOutbox;
import io.switchboard.core.notification.NotificationChannel;
import io.switchboard.core.notification.NotificationChannels;
import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.testsupport.TestReceiver.Received;
import io.switchboard.testsupport.TestSmtp;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import io.switchboard.worker.engine.ReceiverClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices from issue change to receiver, against PostgreSQL, loopback receivers and a
 * real SMTP server (GreenMail): three senders at once send each notice once; each chat
 * service gets its own message shape; an operational webhook verifies with the Standard
 * Webhooks reference library; an e-mail says what, why, since when and where to fix it; a
 * refused notice is retried until the receiver takes it.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.notifications.poll-interval=1h",
				"switchboard.notifications.retry-delay=100ms", "switchboard.notifications.from=alerts@switchboard.test",
				"switchboard.public-url=https://switchboard.example.com/" })
class NoticeSendingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TestSmtp SMTP = new TestSmtp();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private NotificationChannels channels;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private NoticeOutbox outbox;

	@Autowired
	private ReceiverClient client;

	@Autowired
	private JavaMailSender mail;

	@Autowired
	private NotificationProperties properties;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.port());
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.close();
	}

	@Test
	void threeSendersAtOnceSendEachNoticeOnce() {
		try (TestReceiver receiver = new TestReceiver()) {
			Tenant tenant = Relays.createTenant(this.context, "Three senders");
			channel(tenant, "slack", "Ops", receiver.url());
			for (int i = 0; i < 12; i++) {
				disabled(tenant, "Zap " + i);
			}
			scan();
			List<NoticeSender> senders = IntStream.range(0, 3).mapToObj((i) -> sender()).toList();
			List<CompletableFuture<Void>> running = new ArrayList<>();
			for (NoticeSender sender : senders) {
				running.add(CompletableFuture.runAsync(() -> {
					for (int round = 0; round < 20; round++) {
						sender.sendDue().block();
					}
				}));
			}
			running.forEach(CompletableFuture::join);
			List<Received> posts = receiver.received();
			assertThat(posts).hasSize(12);
			assertThat(posts.stream().map((post) -> JSON.readTree(post.body()).path("text").asString()).distinct())
				.hasSize(12);
			assertThat(count("SELECT count(*) FROM notice WHERE tenant_id = '%s' AND status = 'sent'", tenant))
				.isEqualTo(12);
		}
	}

	@Test
	void eachChatServiceGetsItsOwnMessageShape() {
		try (TestReceiver receiver = new TestReceiver()) {
			Tenant tenant = Relays.createTenant(this.context, "Chat shapes");
			channel(tenant, "slack", "Slack", receiver.url() + "/slack");
			channel(tenant, "teams", "Teams", receiver.url() + "/teams");
			channel(tenant, "discord", "Discord", receiver.url() + "/discord");
			disabled(tenant, "Gone Zap");
			scan();
			sender().sendDue().block();
			Map<String, JsonNode> byPath = receiver.received()
				.stream()
				.collect(Collectors.toMap((post) -> post.uri().substring(post.uri().lastIndexOf('/') + 1),
						(post) -> JSON.readTree(post.body())));
			assertThat(byPath).containsOnlyKeys("slack", "teams", "discord");
			JsonNode slack = byPath.get("slack");
			assertThat(slack.path("text").asString()).contains("Destination switched off: \"Gone Zap\"")
				.contains("410 Gone")
				.contains("https://switchboard.example.com/destinations/dst_");
			assertThat(slack.path("blocks").get(0).path("type").asString()).isEqualTo("header");
			assertThat(slack.path("blocks").get(1).path("text").path("type").asString()).isEqualTo("mrkdwn");
			JsonNode teams = byPath.get("teams");
			assertThat(teams.path("type").asString()).isEqualTo("message");
			JsonNode card = teams.path("attachments").get(0);
			assertThat(card.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
			assertThat(card.path("content").path("type").asString()).isEqualTo("AdaptiveCard");
			assertThat(card.path("content").path("actions").get(0).path("url").asString())
				.startsWith("https://switchboard.example.com/destinations/dst_");
			JsonNode discord = byPath.get("discord");
			assertThat(discord.path("embeds").get(0).path("title").asString()).contains("Gone Zap");
			assertThat(discord.path("embeds").get(0).path("description").asString()).contains("Since:");
			assertThat(discord.path("allowed_mentions").path("parse")).isEmpty();
		}
	}

	@Test
	void operationalWebhookVerifiesWithTheStandardWebhooksLibrary() throws Exception {
		try (TestReceiver receiver = new TestReceiver()) {
			Tenant tenant = Relays.createTenant(this.context, "Ops webhook");
			NotificationChannel channel = channel(tenant, "webhook", "Pager", receiver.url());
			assertThat(channel.signingSecret()).startsWith("whsec_");
			disabled(tenant, "Gone Zap");
			scan();
			sender().sendDue().block();
			assertThat(receiver.received()).hasSize(1);
			Received post = receiver.received().get(0);
			new Webhook(channel.signingSecret()).verify(post.body(), post.headers());
			assertThat(post.header("webhook-id")).startsWith("ntc_");
			JsonNode event = JSON.readTree(post.body());
			assertThat(event.path("type").asString()).isEqualTo("destination.disabled");
			assertThat(event.path("data").path("issueId").asString()).startsWith("iss_");
			assertThat(event.path("data").path("resourceId").asString()).startsWith("dst_");
			assertThat(event.path("data").path("kind").asString()).isEqualTo("destination-disabled");
			assertThat(event.path("data").path("url").asString())
				.startsWith("https://switchboard.example.com/destinations/dst_");
		}
	}

	@Test
	void emailSaysWhatWhySinceWhenAndWhereToFixIt() throws Exception {
		Tenant tenant = Relays.createTenant(this.context, "Mail");
		channel(tenant, "email", "On call", "oncall@tenant.test");
		disabled(tenant, "Mailed Zap");
		scan();
		sender().sendDue().block();
		MimeMessage message = await().atMost(Duration.ofSeconds(10))
			.until(() -> SMTP.receivedBy("oncall@tenant.test")
				.stream()
				.filter((received) -> subject(received).contains("Mailed Zap"))
				.findFirst(), java.util.Optional::isPresent)
			.get();
		assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@switchboard.test");
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("oncall@tenant.test");
		assertThat(subject(message)).isEqualTo("[Switchboard] Destination switched off: \"Mailed Zap\"");
		String body = message.getContent().toString();
		assertThat(body).contains("410 Gone")
			.contains("Since: ")
			.contains("Affects: destination \"Mailed Zap\", 0 deliveries waiting or paused")
			.contains("Fix it: https://switchboard.example.com/destinations/dst_");
	}

	@Test
	void refusedNoticeIsRetriedUntilTheReceiverTakesIt() {
		try (TestReceiver receiver = new TestReceiver()) {
			receiver.answer(500);
			Tenant tenant = Relays.createTenant(this.context, "Retry");
			channel(tenant, "discord", "Flaky", receiver.url());
			disabled(tenant, "Zap");
			scan();
			NoticeSender sender = sender();
			sender.sendDue().block();
			assertThat(count("SELECT count(*) FROM notice WHERE tenant_id = '%s' AND status = 'pending' "
					+ "AND last_error LIKE 'The receiver answered HTTP 500%%'", tenant))
				.isEqualTo(1);
			receiver.answer(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				sender.sendDue().block();
				return count("SELECT count(*) FROM notice WHERE tenant_id = '%s' AND status = 'sent'", tenant) == 1;
			});
			assertThat(receiver.received()).hasSize(2);
		}
	}

	private NoticeSender sender() {
		return new NoticeSender(this.outbox, this.client, this.mail, this.properties,
				URI.create("https://switchboard.example.com/"), "test");
	}

	private NotificationChannel channel(Tenant tenant, String type, String name, String target) {
		return this.channels
			.create(new Actor(tenant.id(), "usr_test"), new ChannelDraft(type, name, target, null), new InputErrors())
			.block();
	}

	private Destination disabled(Tenant tenant, String name) {
		Destination zap = this.destinations
			.create(tenant.id(), name, DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/a/")
			.block();
		this.destinations.disable(tenant.id(), zap.id(), "The receiver answered 410 Gone: the Zap was deleted.")
			.block();
		return zap;
	}

	private void scan() {
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
	}

	private long count(String sql, Tenant tenant) {
		return this.database.sql(sql.formatted(tenant.id().uuid())).map((row) -> row.get(0, Long.class)).one().block();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
