/**
 * Notifications: a tenant's channels ({@link NotificationChannels}), the outbox of
 * notices every issue change writes in its own statement ({@link IssueNotices}) and that
 * workers lease and send ({@link NoticeOutbox}).
 */
package io.switchboard.core.notification;
