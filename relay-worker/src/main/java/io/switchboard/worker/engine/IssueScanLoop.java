package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

	private final Map<String, AtomicLong> unresolved = new ConcurrentHashMap<>();

	private volatile Disposable schedule;

	IssueScanLoop(IssueScan scan, Duration interval, MeterRegistry registry) {
		this.scan = scan;
		this.interval = interval;
		for (String kind : IssueScan.KINDS) {
			AtomicLong count = new AtomicLong();
			this.unresolved.put(kind, count);
			Gauge.builder("switchboard.issues.open", count, AtomicLong::get)
				.description("Issues not yet resolved, every tenant's, as this worker's last scan saw them")
				.tag("kind", kind)
				.register(registry);
		}
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.schedule = Flux.interval(this.interval, this.interval)
				.onBackpressureDrop()
				.concatMap((tick) -> this.scan.runOnce()
					.then(this.scan.unresolvedByKind())
					.doOnNext((counts) -> counts.forEach((kind, count) -> this.unresolved.get(kind).set(count)))
					.onErrorResume((error) -> {
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
