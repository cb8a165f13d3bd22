package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.destination.AutoDisable;
import io.switchboard.core.issue.IssueScan;
import io.switchboard.core.schedule.Repeating;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the issue scan on its interval in every worker, after switching off destinations
 * that failed too long without a success; a failed scan is tried again on the next tick.
 */
class IssueScanLoop implements SmartLifecycle {

	private final Map<String, AtomicLong> unresolved = new ConcurrentHashMap<>();

	private final Repeating repeating;

	IssueScanLoop(AutoDisable autoDisable, IssueScan scan, Duration interval, MeterRegistry registry) {
		for (String kind : IssueScan.KINDS) {
			AtomicLong count = new AtomicLong();
			this.unresolved.put(kind, count);
			Gauge.builder("switchboard.issues.open", count, AtomicLong::get)
				.description("Issues not yet resolved, every tenant's, as this worker's last scan saw them")
				.tag("kind", kind)
				.register(registry);
		}
		this.repeating = new Repeating("Issue scan", interval,
				() -> autoDisable.run()
					.then(scan.runOnce())
					.then(scan.unresolvedByKind())
					.doOnNext((counts) -> counts.forEach((kind, count) -> this.unresolved.get(kind).set(count))));
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

	/**
	 * When something wrong becomes an issue.
	 *
	 * @param scanInterval how often workers look
	 * @param failingAfter how long a destination's circuit stays open before it is an
	 * issue
	 * @param refusalWindow how far back a source's refused requests count
	 * @param refusalThreshold how many refused requests in the window make an issue
	 * @param deadWindow how far back deliveries that went dead open a
	 * {@code deliveries-dead} issue
	 */
	@ConfigurationProperties("switchboard.issues")
	record Properties(@DefaultValue("15s") Duration scanInterval, @DefaultValue("5m") Duration failingAfter,
			@DefaultValue("10m") Duration refusalWindow, @DefaultValue("5") int refusalThreshold,
			@DefaultValue("1h") Duration deadWindow) {

	}

}
