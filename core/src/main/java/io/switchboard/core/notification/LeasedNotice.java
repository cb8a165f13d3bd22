package io.switchboard.core.notification;

import java.time.Instant;

import io.switchboard.core.id.NoticeId;

/**
 * A notice a worker holds the lease of, to send.
 *
 * @param id the id, also the {@code webhook-id} of an operational webhook (the same on
 * every attempt)
 * @param channel where it goes
 * @param eventType its event type, such as {@code destination.disabled}
 * @param change {@code opened}, {@code resolved}, {@code updated} or {@code test}
 * @param content what it tells, as JSON: the issue as changed, or for a digest
 * {@code {"items": [...]}}
 * @param digest whether it gathers updates
 * @param attempt which attempt this is, from 1
 * @param createdAt when the change was made
 */
public record LeasedNotice(NoticeId id, NotificationChannel channel, String eventType, String change, String content,
		boolean digest, int attempt, Instant createdAt) {

}
