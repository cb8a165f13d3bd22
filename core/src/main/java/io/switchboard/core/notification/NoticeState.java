package io.switchboard.core.notification;

import java.time.Instant;

import io.switchboard.core.id.NoticeId;

/**
 * Where a notice stands.
 *
 * @param id the notice
 * @param status {@code pending}, {@code leased}, {@code sent} or {@code failed}
 * @param attempts how many attempts were made
 * @param lastError why the last attempt failed, or {@code null}
 * @param sentAt when it was sent, or {@code null}
 */
public record NoticeState(NoticeId id, String status, int attempts, String lastError, Instant sentAt) {

	/**
	 * Whether it will not change any more.
	 * @return true once sent or failed
	 */
	public boolean settled() {
		return "sent".equals(this.status) || "failed".equals(this.status);
	}

}
