/**
 * Sending notices: a loop in every worker
 * ({@link io.switchboard.core.schedule.RepeatingLoop}) leases due notices from the
 * outbox, renders each for its channel (e-mail, Slack, Teams, Discord, a signed
 * operational webhook), sends it through the egress guard and settles it, retrying later
 * on failure.
 */
package io.switchboard.worker.notice;
