package io.switchboard.admin.notification;

import java.util.List;

import io.switchboard.core.notification.ChannelDraft;
import io.switchboard.core.notification.NoticeEventTypes;
import io.switchboard.core.notification.NotificationChannel;

import org.springframework.util.MultiValueMap;

/**
 * The channel form, for adding and for editing; the channel rules check it, each problem
 * named by its field.
 *
 * @param type {@code email}, {@code slack}, {@code teams}, {@code discord} or
 * {@code webhook}
 * @param name what people call it
 * @param target the e-mail address or URL
 * @param eventTypes the event types ticked
 */
record ChannelForm(String type, String name, String target, List<String> eventTypes) {

	static ChannelForm empty() {
		return new ChannelForm("email", "", "", NoticeEventTypes.ALL);
	}

	static ChannelForm of(NotificationChannel channel) {
		return new ChannelForm(channel.type().key(), channel.name(), channel.target(), channel.eventTypes());
	}

	static ChannelForm of(MultiValueMap<String, String> data) {
		List<String> ticked = data.get("eventTypes");
		return new ChannelForm(data.getFirst("type"), orEmpty(data.getFirst("name")), orEmpty(data.getFirst("target")),
				(ticked != null) ? List.copyOf(ticked) : List.of());
	}

	/**
	 * What the form asks for; no event type ticked is refused by the rules.
	 * @return the draft
	 */
	ChannelDraft draft() {
		return new ChannelDraft(this.type, this.name, this.target, this.eventTypes);
	}

	/**
	 * Whether an event type is ticked, for the form.
	 * @param eventType the event type
	 * @return whether it is
	 */
	public boolean has(String eventType) {
		return this.eventTypes.contains(eventType);
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
