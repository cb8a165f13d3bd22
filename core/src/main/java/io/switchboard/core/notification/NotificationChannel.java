package io.switchboard.core.notification;

import java.time.Instant;
import java.util.List;

import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.id.TenantId;

/**
 * Where a tenant hears of issues.
 *
 * @param tenantId the owner
 * @param id the id
 * @param type where notices go
 * @param name its name, for people
 * @param target the e-mail address or the URL
 * @param eventTypes the event types it gets
 * @param signingSecret the {@code whsec_…} secret an operational webhook is signed with,
 * in clear; {@code null} for the other types
 * @param createdAt when it was made
 */
public record NotificationChannel(TenantId tenantId, NotificationChannelId id, ChannelType type, String name,
		String target, List<String> eventTypes, String signingSecret, Instant createdAt) {

	@Override
	public String toString() {
		return "NotificationChannel[" + this.id + " of " + this.tenantId + ", " + this.type.key() + "]";
	}

}
