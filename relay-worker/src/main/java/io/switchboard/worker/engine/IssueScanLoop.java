package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.core.issue.IssueScan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the issue scan on its interval in every worker; a failed scan is tried again on
 * the next tick.
 */
class IssueScanLoop implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(IssueScanLoop.class);

	private final IssueScan scan;

	private final Duration interval;

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile Disposable schedule;

	IssueScanLoop(IssueScan scan, Duration interval) {
		this.scan = scan;
		this.interval = interval;
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.schedule = Flux.interval(this.interval, this.interval)
				.onBackpressureDrop()
				.concatMap((tick) -> this.scan.runOnce().onErrorResume((error) -> {
					logger.warn("Issue scan failed; trying again in " + this.interval + ": " + error);
					return Mono.empty();
				}), 1)
				.subscribe();
		}
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			this.schedule.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	/**
	 * When something wrong becomes an issue.
	 *
	 * @param scanInterval how often workers look
	 * @param failingAfter how long a destination's circuit stays open before it is an
	 * issue
	 * @param refusalWindow how far back a source's refused requests count
	 * @param refusalThreshold how many refused requests in the window make an issue
	 */
	@ConfigurationProperties("switchboard.issues")
	record Properties(@DefaultValue("15s") Duration scanInterval, @DefaultValue("5m") Duration failingAfter,
			@DefaultValue("10m") Duration refusalWindow, @DefaultValue("5") int refusalThreshold) {

	}

}
