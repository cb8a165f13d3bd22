package io.switchboard.worker.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.delivery.QueueStatistics;
import io.switchboard.core.delivery.QueueStatistics.Snapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * The queue's depth and the age of its oldest due delivery, read from the database on a
 * schedule (not on every scrape, so many scrapers cost one query per interval). Every
 * worker reports the same queue: aggregate with {@code max}, not {@code sum}.
 */
class QueueGauges implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(QueueGauges.class);

	private final QueueStatistics statistics;

	private final Duration interval;

	private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0, Duration.ZERO));

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile Disposable refresher;

	QueueGauges(QueueStatistics statistics, Duration interval, MeterRegistry registry) {
		this.statistics = statistics;
		this.interval = interval;
		Gauge.builder("switchboard.queue.deliveries", this, (gauges) -> gauges.last.get().due())
			.description("Deliveries due now and not yet leased")
			.tag("state", "due")
			.register(registry);
		Gauge.builder("switchboard.queue.deliveries", this, (gauges) -> gauges.last.get().waiting())
			.description("Deliveries pending or retrying, due or not")
			.tag("state", "waiting")
			.register(registry);
		Gauge.builder("switchboard.queue.deliveries", this, (gauges) -> gauges.last.get().leased())
			.description("Deliveries a worker holds")
			.tag("state", "leased")
			.register(registry);
		Gauge
			.builder("switchboard.queue.oldest.due.age", this,
					(gauges) -> gauges.last.get().oldestDueAge().toMillis() / 1000.0)
			.description("How long the oldest due delivery has waited past its time")
			.baseUnit("seconds")
			.register(registry);
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.refresher = Flux.interval(Duration.ZERO, this.interval)
				.onBackpressureDrop()
				.concatMap((tick) -> refresh(), 1)
				.subscribe();
		}
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			this.refresher.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	Snapshot last() {
		return this.last.get();
	}

	private Mono<Void> refresh() {
		return this.statistics.snapshot().doOnNext(this.last::set).then().onErrorResume((error) -> {
			logger.debug("Could not read the queue's depth: " + error);
			return Mono.empty();
		});
	}

}
