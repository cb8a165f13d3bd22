package io.switchboard.core.notification;

import java.util.List;

/**
 * A channel as the audit log keeps it: never its signing secret.
 *
 * @param id the id
 * @param type its type
 * @param name its name
 * @param target its address or URL
 * @param eventTypes the event types it gets
 */
public record ChannelSnapshot(String id, String type, String name, String target, List<String> eventTypes) {

	static ChannelSnapshot of(NotificationChannel channel) {
		return new ChannelSnapshot(channel.id().toString(), channel.type().key(), channel.name(), channel.target(),
				channel.eventTypes());
	}

}
