package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.core.delivery.LeaseRoom;
import io.switchboard.core.delivery.LeaseTerm;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.worker.telemetry.DeliveryTelemetry;
import io.switchboard.worker.telemetry.WorkerHeartbeat;
import io.switchboard.worker.guard.DestinationGuards;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * The worker loop. It wakes on a notification from the inbound transaction
 * ({@code LISTEN}), on its poll interval when none comes, and whenever an attempt ends;
 * then it leases as many due deliveries as it has room for (free slots, each tenant's
 * share of them, each destination's free places) and starts each attempt. On stop it
 * leases no more, lets attempts in flight finish within a grace period, and hands back
 * what it still holds.
 */
class DeliveryEngine implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeliveryEngine.class);

	private final DeliveryQueue queue;

	private final DeliveryAttempt attempt;

	private final DestinationGuards guards;

	private final WorkerProperties properties;

	private final ConnectionFactory connectionFactory;

	private final String workerId = "worker-" + UUID.randomUUID();

	private final AtomicLong leases = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicBoolean running = new AtomicBoolean();

	private final Sinks.Many<String> wakeUps = Sinks.many().multicast().directBestEffort();

	private final WorkerHeartbeat heartbeat;

	private final TenantSlots tenants;

	private final LeaseTerm leaseTerm;

	private final DeliveryTelemetry telemetry;

	private volatile Disposable loop;

	DeliveryEngine(DeliveryQueue queue, DeliveryAttempt attempt, DestinationGuards guards, WorkerProperties properties,
			ConnectionFactory connectionFactory) {
		this(queue, attempt, guards, properties, connectionFactory, new WorkerHeartbeat(),
				new DeliveryTelemetry(new SimpleMeterRegistry()));
	}

	DeliveryEngine(DeliveryQueue queue, DeliveryAttempt attempt, DestinationGuards guards, WorkerProperties properties,
			ConnectionFactory connectionFactory, WorkerHeartbeat heartbeat, DeliveryTelemetry telemetry) {
		this.queue = queue;
		this.guards = guards;
		this.attempt = attempt;
		this.properties = properties;
		this.connectionFactory = connectionFactory;
		this.heartbeat = heartbeat;
		this.telemetry = telemetry;
		this.tenants = new TenantSlots(properties.maxInFlight(), properties.tenantShare());
		this.leaseTerm = new LeaseTerm(properties.leaseDuration(),
				properties.connectTimeout().plus(ReceiverClient.RESPONSE_SLACK).plus(properties.leaseMargin()));
	}

	@Override
	public void start() {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		Flux<String> polls = WorkerLoops.every(Duration.ZERO, this.properties.pollInterval()).map((tick) -> "poll");
		Flux<String> reclaims = WorkerLoops.every(this.properties.reclaimInterval(), this.properties.reclaimInterval())
			.concatMap((tick) -> this.queue.reclaimExpired().onErrorResume((error) -> Mono.just(0L)))
			.map((reclaimed) -> "reclaim");
		Flux<String> notifications = Notifications.listen(this.connectionFactory, EventStore.DELIVERY_CHANNEL)
			.map((any) -> "notification");
		this.loop = WorkerLoops.runForever(Flux.merge(polls, this.wakeUps.asFlux(), notifications, reclaims)
			.onBackpressureLatest()
			.concatMap(this::leaseAndStart, 1), "Delivery worker loop");
		logger.info("Delivery worker " + this.workerId + " started (up to " + this.properties.maxInFlight()
				+ " attempts in flight)");
	}

	@Override
	public void stop() {
		if (!this.running.compareAndSet(true, false)) {
			return;
		}
		this.loop.dispose();
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Long released = this.queue.release(this.workerId).onErrorReturn(0L).block(Duration.ofSeconds(10));
		logger.info("Delivery worker " + this.workerId + " stopped; " + this.inFlight.get()
				+ " attempt(s) still in flight, " + released + " lease(s) handed back");
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public int getPhase() {
		// Stops after the web server has drained and stopped (Spring Boot's
		// graceful shutdown and web server lifecycles are DEFAULT_PHASE - 1024
		// and - 2048; higher phases stop first), before the database pool closes.
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	int inFlight() {
		return this.inFlight.get();
	}

	private Mono<Void> leaseAndStart(String cause) {
		int free = this.properties.maxInFlight() - this.inFlight.get();
		if (!this.running.get()) {
			return Mono.empty();
		}
		if (free <= 0) {
			this.heartbeat.beat(); // busy, not stuck
			return Mono.empty();
		}
		int wanted = Math.min(free, this.properties.batchSize());
		String owner = this.workerId + "/" + this.leases.incrementAndGet();
		LeaseRoom room = new LeaseRoom(wanted, this.tenants.cap(), this.tenants.room(), this.guards.room(),
				this.guards.unavailable());
		long started = System.nanoTime();
		return this.queue.lease(owner, room, this.leaseTerm).doOnNext(this::start).count().doOnNext((leased) -> {
			this.telemetry.leased(cause, leased.intValue(), Duration.ofNanos(System.nanoTime() - started));
			this.heartbeat.beat();
			if (leased == wanted) {
				wakeUp(); // there may be more due
			}
		}).then().onErrorResume((error) -> {
			logger.warn("Leasing deliveries failed; trying again on the next wake-up: " + error);
			return Mono.empty();
		});
	}

	/**
	 * Starts an attempt in a slot of this worker and a slot of its tenant. The loop
	 * leases again as soon as the destination has a free place (the attempt's answer
	 * came), not only once the attempt is recorded.
	 */
	private void start(LeasedDelivery delivery) {
		this.inFlight.incrementAndGet();
		this.tenants.take(delivery.tenantId());
		this.attempt.run(delivery, this::wakeUp).doFinally((signal) -> {
			this.tenants.give(delivery.tenantId());
			this.inFlight.decrementAndGet();
			wakeUp();
		}).subscribe();
	}

	private void wakeUp() {
		this.wakeUps.tryEmitNext("attempt");
	}

}
