package io.switchboard.worker.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.core.notification.ChannelType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice as each chat service's incoming webhook takes it: Slack blocks, a Teams
 * (Workflows) Adaptive Card, a Discord embed. Each carries the plain text too, for
 * previews and clients that show no cards.
 */
final class ChatMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RED = 0xD70000;

	private static final int GREEN = 0x1E8E3E;

	private ChatMessages() {
	}

	/**
	 * The JSON body for a chat channel.
	 * @param type {@link ChannelType#SLACK}, {@link ChannelType#TEAMS} or
	 * {@link ChannelType#DISCORD}
	 * @param text what the notice says
	 * @return the body
	 */
	static byte[] body(ChannelType type, NoticeText text) {
		Object message = switch (type) {
			case SLACK -> slack(text);
			case TEAMS -> teams(text);
			case DISCORD -> discord(text);
			default -> throw new IllegalArgumentException("Not a chat channel: " + type.key());
		};
		return JSON.writeValueAsBytes(message);
	}

	private static Map<String, Object> slack(NoticeText text) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("text", text.plain());
		message.put("blocks",
				List.of(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(text.title(), 150))),
						Map.of("type", "section", "text",
								Map.of("type", "mrkdwn", "text", cut(String.join("\n", text.lines()), 3000))),
						Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "text",
								Map.of("type", "plain_text", "text", "Open in Switchboard"), "url", text.link())))));
		return message;
	}

	private static Map<String, Object> teams(NoticeText text) {
		List<Object> body = new ArrayList<>();
		body.add(Map.of("type", "TextBlock", "size", "Medium", "weight", "Bolder", "wrap", true, "text", text.title()));
		text.lines().forEach((line) -> body.add(Map.of("type", "TextBlock", "wrap", true, "text", line)));
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		card.put("actions",
				List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Switchboard", "url", text.link())));
		return Map.of("type", "message", "summary", text.title(), "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}

	private static Map<String, Object> discord(NoticeText text) {
		Map<String, Object> embed = new LinkedHashMap<>();
		embed.put("title", cut(text.title(), 256));
		embed.put("description", cut(String.join("\n", text.lines()), 4096));
		embed.put("url", text.link());
		embed.put("color", text.resolved() ? GREEN : RED);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("username", "Switchboard");
		message.put("content", cut(text.title(), 2000));
		message.put("embeds", List.of(embed));
		message.put("allowed_mentions", Map.of("parse", List.of()));
		return message;
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
