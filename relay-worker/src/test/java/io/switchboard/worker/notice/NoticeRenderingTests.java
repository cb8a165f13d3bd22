package io.switchboard.worker.notice;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import io.switchboard.core.id.NoticeId;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.notification.ChannelType;
import io.switchboard.core.notification.LeasedNotice;
import io.switchboard.core.notification.NoticeEventTypes;
import io.switchboard.core.notification.NotificationChannel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What notices say and how they are signed, without sending: an operational webhook's
 * signature is the one the Standard Webhooks reference library makes for the same id,
 * time and body (known answer); a digest lists each update with its link; a resolved
 * notice says how it cleared.
 */
class NoticeRenderingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final URI PORTAL = URI.create("https://switchboard.example.com/");

	private static final UUID DESTINATION = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

	private static final String DEAD = """
			{"issueId": "01890a5d-ac96-774b-bcce-b302099a8058", "kind": "deliveries-dead", "status": "open",
			 "resourceType": "destination", "resourceId": "%s", "resourceName": "CRM",
			 "summary": "\\"CRM\\" has %d deliveries that went dead.", "openedAt": "2026-12-06T05:00:00Z",
			 "waiting": 3, "lastAttempt": {"number": 7, "outcome": "failed", "status": 503, "at": "2026-12-06T05:01:00Z"}}
			""";

	@Test
	void operationalWebhookSignatureIsTheReferenceLibrarys() throws Exception {
		Instant now = Instant.ofEpochSecond(1_765_000_000L);
		LeasedNotice notice = notice(ChannelType.WEBHOOK, "delivery.dead", "opened", DEAD.formatted(DESTINATION, 2),
				false);
		OperationalWebhook webhook = OperationalWebhook.of(notice, NoticeText.of(notice, PORTAL), "test", now);
		String body = new String(webhook.body(), StandardCharsets.UTF_8);
		assertThat(webhook.headers().get("webhook-id")).isEqualTo(notice.id().toString());
		assertThat(webhook.headers().get("webhook-timestamp")).isEqualTo("1765000000");
		assertThat(webhook.headers().get("webhook-signature"))
			.isEqualTo(new Webhook(SECRET).sign(notice.id().toString(), now.getEpochSecond(), body));
		JsonNode event = JSON.readTree(body);
		assertThat(event.path("type").asString()).isEqualTo("delivery.dead");
		assertThat(event.path("timestamp").asString()).isEqualTo("2025-12-06T05:46:40Z");
		assertThat(event.path("data").path("resourceId").asString()).startsWith("dst_");
		assertThat(event.path("data").path("issueId").asString()).startsWith("iss_");
		assertThat(event.path("data").path("text").asString()).contains("Why: attempt 7")
			.contains("HTTP 503")
			.contains("3 deliveries waiting or paused");
	}

	@Test
	void digestListsEachUpdateWithItsLink() {
		String items = "{\"items\": [" + DEAD.formatted(DESTINATION, 3) + "," + DEAD.formatted(DESTINATION, 5) + "]}";
		LeasedNotice digest = notice(ChannelType.SLACK, "delivery.dead", "updated", items, true);
		NoticeText text = NoticeText.of(digest, PORTAL);
		assertThat(text.title()).isEqualTo("Switchboard digest: 2 update(s) to open issues");
		assertThat(text.lines()).hasSize(2);
		assertThat(text.lines().get(0)).contains("has 3 deliveries").contains("/destinations/dst_");
		assertThat(text.lines().get(1)).contains("has 5 deliveries");
		JsonNode slack = JSON.readTree(ChatMessages.body(ChannelType.SLACK, text));
		assertThat(slack.path("blocks").get(0).path("text").path("text").asString()).startsWith("Switchboard digest");
	}

	@Test
	void resolvedNoticeSaysHowItCleared() {
		String resolved = """
				{"kind": "destination-disabled", "status": "resolved", "resourceType": "destination",
				 "resourceId": "%s", "resourceName": "Zap", "summary": "\\"Zap\\" was switched off.",
				 "openedAt": "2026-12-06T05:00:00Z", "resolvedAt": "2026-12-06T06:00:00Z",
				 "resolution": "The destination is on again."}
				""".formatted(DESTINATION);
		NoticeText text = NoticeText
			.of(notice(ChannelType.DISCORD, "destination.recovered", "resolved", resolved, false), PORTAL);
		assertThat(text.title()).isEqualTo("Resolved: Destination switched off: \"Zap\"");
		assertThat(text.lines()).anyMatch((line) -> line.contains("The destination is on again."));
		assertThat(
				JSON.readTree(ChatMessages.body(ChannelType.DISCORD, text)).path("embeds").get(0).path("color").asInt())
			.isEqualTo(0x1E8E3E);
	}

	private static LeasedNotice notice(ChannelType type, String eventType, String change, String content,
			boolean digest) {
		NotificationChannel channel = new NotificationChannel(TenantId.generate(), NotificationChannelId.generate(),
				type, "Ops", "https://ops.example.com/hooks", List.copyOf(NoticeEventTypes.ALL),
				(type == ChannelType.WEBHOOK) ? SECRET : null, Instant.now());
		return new LeasedNotice(NoticeId.generate(), channel, eventType, change, content, digest, 1, Instant.now());
	}

}
