package io.switchboard.worker.notice;

import java.time.Duration;

import io.switchboard.core.schedule.Repeating;

import org.springframework.context.SmartLifecycle;

/**
 * Sends due notices on an interval in every worker; the outbox's leases make sure each
 * notice is sent by one of them.
 */
class NoticeLoop implements SmartLifecycle {

	private final Repeating repeating;

	NoticeLoop(NoticeSender sender, Duration interval) {
		this.repeating = new Repeating("Notice sending", interval, sender::sendDue);
	}

	@Override
	public void start() {
		this.repeating.start();
	}

	@Override
	public void stop() {
		this.repeating.stop();
	}

	@Override
	public boolean isRunning() {
		return this.repeating.isRunning();
	}

}
