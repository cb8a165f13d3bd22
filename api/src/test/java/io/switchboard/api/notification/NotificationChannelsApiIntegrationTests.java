package io.switchboard.api.notification;

import java.util.List;
import java.util.Map;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.api.ApiIntegrationTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/notification-channels} over HTTP: made, listed without secrets, changed,
 * deleted, each change in the audit log; the rules' refusals as 400
 * {@code validation-failed} naming the field; a test notice no worker sends in time is
 * answered {@code pending}.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "switchboard.notifications.test-wait=300ms")
class NotificationChannelsApiIntegrationTests {

	private static final String CHANNELS = "/api/v1/notification-channels";

	private ApiClient api;

	private String token;

	@LocalServerPort
	private int port;

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		this.token = this.api.signUpWithToken("Channels", List.of("notifications:write", "tokens:write"));
	}

	@Test
	void channelIsMadeListedChangedAndDeletedWithItsSecretShownOnce() {
		Response created = this.api.send(
				"POST", CHANNELS, Map.of("type", "webhook", "name", "Pager", "target",
						"https://ops.example.com/switchboard", "eventTypes", List.of("destination.disabled")),
				this.token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("id");
		assertThat(id).startsWith("nch_");
		assertThat(created.text("signingSecret")).startsWith("whsec_");
		Response listed = this.api.send("GET", CHANNELS, null, this.token);
		assertThat(listed.json().path("data").get(0).path("id").asString()).isEqualTo(id);
		assertThat(listed.body()).doesNotContain("whsec_").doesNotContain("signingSecret");
		assertThat(this.api.send("GET", CHANNELS + "/" + id, null, this.token).body()).doesNotContain("whsec_");

		Response changed = this.api.send("PATCH", CHANNELS + "/" + id,
				Map.of("name", "Pager duty", "eventTypes", List.of("issue.opened", "issue.resolved")), this.token);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.text("name")).isEqualTo("Pager duty");
		assertThat(changed.json().path("eventTypes").size()).isEqualTo(2);
		assertThat(changed.text("target")).isEqualTo("https://ops.example.com/switchboard");

		assertThat(this.api.send("DELETE", CHANNELS + "/" + id, null, this.token).status()).isEqualTo(204);
		assertThat(this.api.send("GET", CHANNELS + "/" + id, null, this.token).status()).isEqualTo(404);
		Response audit = this.api.send("GET", "/api/v1/audit-log", null, this.token);
		assertThat(audit.json().path("data").findValuesAsString("action")).contains("notification-channel.created",
				"notification-channel.updated", "notification-channel.deleted");
		assertThat(audit.body()).doesNotContain("whsec_");
	}

	@Test
	void rulesRefuseEachFieldByName() {
		assertField(this.api.send("POST", CHANNELS, Map.of("type", "pager", "name", "x", "target", "x"), this.token),
				"type");
		assertField(this.api.send("POST", CHANNELS, Map.of("type", "email", "name", "", "target", "ops@example.com"),
				this.token), "name");
		assertField(this.api.send("POST", CHANNELS, Map.of("type", "email", "name", "Mail", "target", "not an address"),
				this.token), "target");
		assertField(
				this.api.send("POST", CHANNELS,
						Map.of("type", "slack", "name", "Slack", "target", "ftp://hooks.slack.com/x"), this.token),
				"target");
		assertField(this.api.send("POST", CHANNELS,
				Map.of("type", "slack", "name", "Slack", "target", "https://user:pw@hooks.slack.com/x"), this.token),
				"target");
		assertField(
				this.api
					.send("POST", CHANNELS,
							Map.of("type", "discord", "name", "D", "target", "https://discord.com/api/webhooks/1/x",
									"eventTypes", List.of("issue.opened", "call.completed")),
							this.token),
				"eventTypes");
		Response created = this.api.send("POST", CHANNELS,
				Map.of("type", "teams", "name", "Teams", "target", "https://example.webhook.office.com/x"), this.token);
		assertField(this.api.send("PATCH", CHANNELS + "/" + created.text("id"), Map.of("type", "slack"), this.token),
				"type");
		assertField(this.api.send("PATCH", CHANNELS + "/" + created.text("id"), Map.of("eventTypes", List.of()),
				this.token), "eventTypes");
	}

	@Test
	void testNoticeNoWorkerSendsInTimeIsPending() {
		Response created = this.api.send("POST", CHANNELS,
				Map.of("type", "email", "name", "Mail", "target", "ops@example.com"), this.token);
		Response tested = this.api.send("POST", CHANNELS + "/" + created.text("id") + "/test", null, this.token);
		assertThat(tested.status()).as(tested.body()).isEqualTo(200);
		assertThat(tested.text("noticeId")).startsWith("ntc_");
		assertThat(tested.text("status")).isEqualTo("pending");
	}

	private static void assertField(Response response, String field) {
		response.assertRefused(field);
	}

}
