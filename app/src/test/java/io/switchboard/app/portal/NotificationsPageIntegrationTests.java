package io.switchboard.app.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's Notifications page: a channel is added (a refused field answered 422 with
 * the message beside it), an operational webhook's secret shown once, a test notice sent
 * through a worker with its result beside the channel, the channel edited and deleted,
 * each change in the audit log; another tenant cannot touch it.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.egress.allow-private-networks=true",
				"switchboard.notifications.poll-interval=200ms" })
class NotificationsPageIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final Pattern CHANNEL_ID = Pattern.compile("<tr id=\"(nch_[0-9a-z]+)\"");

	@LocalServerPort
	int port;

	@Test
	void channelIsAddedTestedEditedAndDeletedInItsTenantOnly() throws Exception {
		try (TestReceiver receiver = new TestReceiver()) {
			PortalSession owner = PortalSession.signedUp(base(), "Notify Co",
					"notify-" + UUID.randomUUID() + "@example.com", PASSWORD);
			HttpResponse<String> empty = owner.get("/notifications");
			assertThat(empty.statusCode()).isEqualTo(200);
			assertThat(empty.body()).contains("No channels yet").contains("href=\"/notifications\"");

			HttpResponse<String> refused = owner.post("/notifications", List.of(Map.entry("type", "slack"),
					Map.entry("name", "Ops"), Map.entry("target", "ftp://x"), Map.entry("eventTypes", "issue.opened")));
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("id=\"target-error\"").contains("https:// URL");

			HttpResponse<String> added = owner.post("/notifications",
					List.of(Map.entry("type", "slack"), Map.entry("name", "Ops"), Map.entry("target", receiver.url()),
							Map.entry("eventTypes", "issue.opened"), Map.entry("eventTypes", "destination.disabled")));
			assertThat(added.statusCode()).isEqualTo(200);
			assertThat(added.body()).contains("<strong>Ops</strong> added").doesNotContain("whsec_");
			HttpResponse<String> webhook = owner.post("/notifications",
					List.of(Map.entry("type", "webhook"), Map.entry("name", "Pager"),
							Map.entry("target", "https://pager.example.com/hooks"),
							Map.entry("eventTypes", "issue.opened")));
			assertThat(webhook.body()).contains("only this once").contains("whsec_");
			assertThat(owner.get("/notifications").body()).doesNotContain("whsec_");
			String id = channelId(owner.get("/notifications").body(), "Ops");

			HttpResponse<String> tested = owner.post("/notifications/" + id + "/test", Map.of());
			assertThat(tested.statusCode()).isEqualTo(200);
			assertThat(tested.body()).contains("id=\"test-result\"").contains("The test notice was sent");
			assertThat(receiver.received()).hasSize(1);
			assertThat(receiver.received().get(0).body()).contains("Test notice from Switchboard");
			receiver.answer(404);
			assertThat(owner.post("/notifications/" + id + "/test", Map.of()).body())
				.contains("The test notice could not be sent: The receiver answered HTTP 404");
			assertThat(owner.get("/notifications").body()).contains("class=\"badge off\">failed")
				.contains("The receiver answered HTTP 404");

			HttpResponse<String> edit = owner.get("/notifications/" + id);
			assertThat(edit.body()).contains("value=\"" + receiver.url() + "\"");
			HttpResponse<String> noTypes = owner.post("/notifications/" + id,
					List.of(Map.entry("name", "Ops"), Map.entry("target", receiver.url())));
			assertThat(noTypes.statusCode()).isEqualTo(422);
			assertThat(noTypes.body()).contains("id=\"eventTypes-error\"");
			HttpResponse<String> saved = owner.post("/notifications/" + id, List.of(Map.entry("name", "Ops room"),
					Map.entry("target", receiver.url()), Map.entry("eventTypes", "issue.resolved")));
			assertThat(saved.statusCode()).isEqualTo(303);
			assertThat(owner.get("/notifications").body()).contains("Ops room").contains("issue.resolved");

			PortalSession other = PortalSession.signedUp(base(), "Other Co",
					"other-" + UUID.randomUUID() + "@example.com", PASSWORD);
			assertThat(other.get("/notifications").body()).doesNotContain("Ops room");
			assertThat(other.post("/notifications/" + id + "/test", Map.of()).statusCode()).isEqualTo(404);
			assertThat(other.post("/notifications/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);

			assertThat(owner.post("/notifications/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
			assertThat(owner.get("/notifications").body()).doesNotContain("Ops room");
			assertThat(owner.get("/audit-log").body()).contains("notification-channel.created")
				.contains("notification-channel.updated")
				.contains("notification-channel.deleted");
		}
	}

	private static String channelId(String page, String name) {
		Matcher rows = CHANNEL_ID.matcher(page);
		while (rows.find()) {
			String row = page.substring(rows.start(), page.indexOf("</tr>", rows.start()));
			if (row.contains(">" + name + "<")) {
				return rows.group(1);
			}
		}
		throw new AssertionError("No channel " + name + " in " + page);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
