package io.switchboard.worker.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.notification.LeasedNotice;
import io.switchboard.worker.signing.OutboundSigner;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice as an operational webhook: {@code {"type", "timestamp", "data"}} signed with
 * Standard Webhooks by the channel's own {@code whsec_…} secret, {@code webhook-id} the
 * notice's id (the same on every attempt, so receivers can deduplicate). The data is the
 * issue with its ids as the API shows them, plus the text people read and the portal
 * link.
 *
 * @param headers the headers to send
 * @param body the body
 */
record OperationalWebhook(Map<String, String> headers, byte[] body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	static OperationalWebhook of(LeasedNotice notice, NoticeText text, String userAgent, Instant now) {
		JsonNode content = JSON.readTree(notice.content());
		Map<String, Object> data;
		if (notice.digest()) {
			List<Object> items = new ArrayList<>();
			content.path("items").forEach((item) -> items.add(issue(item)));
			data = new LinkedHashMap<>(Map.of("items", items));
		}
		else {
			data = issue(content);
		}
		data.put("title", text.title());
		data.put("text", String.join("\n", text.lines()));
		data.put("url", text.link());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", notice.eventType());
		event.put("timestamp", now.toString());
		event.put("data", data);
		byte[] body = JSON.writeValueAsBytes(event);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("User-Agent", userAgent);
		headers.putAll(OutboundSigner.sign(SignatureStyle.STANDARD_WEBHOOKS, notice.id().toString(), now, body,
				List.of(notice.channel().signingSecret())));
		return new OperationalWebhook(headers, body);
	}

	private static Map<String, Object> issue(JsonNode content) {
		Map<String, Object> issue = JSON.convertValue(content, OBJECT);
		String id = NoticeText.issueId(content);
		if (id != null) {
			issue.put("issueId", id);
		}
		String resource = NoticeText.text(content, "resourceId");
		if (resource != null) {
			UUID uuid = UUID.fromString(resource);
			issue.put("resourceId", "source".equals(NoticeText.text(content, "resourceType"))
					? new SourceId(uuid).toString() : new DestinationId(uuid).toString());
		}
		return issue;
	}

}
