package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.destination.AutoDisable;
import io.switchboard.core.issue.IssueScan;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One pass of the issue scan, which every worker runs on its interval
 * ({@link io.switchboard.core.schedule.RepeatingLoop}): switch off destinations that
 * failed too long without a success, open and resolve issues (with their notices), and
 * update the {@code switchboard_issues_open} gauge; a failed pass is tried again on the
 * next tick.
 */
class IssueScanLoop {

	private final Map<String, AtomicLong> unresolved = new ConcurrentHashMap<>();

	private final AutoDisable autoDisable;

	private final IssueScan scan;

	IssueScanLoop(AutoDisable autoDisable, IssueScan scan, MeterRegistry registry) {
		this.autoDisable = autoDisable;
		this.scan = scan;
		for (String kind : IssueScan.KINDS) {
			AtomicLong count = new AtomicLong();
			this.unresolved.put(kind, count);
			Gauge.builder("switchboard.issues.open", count, AtomicLong::get)
				.description("Issues not yet resolved, every tenant's, as this worker's last scan saw them")
				.tag("kind", kind)
				.register(registry);
		}
	}

	/**
	 * One pass.
	 * @return the unresolved issues by kind, once counted
	 */
	Mono<Map<String, Long>> runOnce() {
		return this.autoDisable.run()
			.then(this.scan.runOnce())
			.then(this.scan.unresolvedByKind())
			.doOnNext((counts) -> counts.forEach((kind, count) -> this.unresolved.get(kind).set(count)));
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
