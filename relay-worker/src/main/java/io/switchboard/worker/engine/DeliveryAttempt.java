package io.switchboard.worker.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.delivery.AttemptRecord;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.NextState;
import io.switchboard.core.delivery.Settlement;
import io.switchboard.core.transform.TransformFailed;
import io.switchboard.worker.guard.Admission;
import io.switchboard.worker.guard.DestinationGuards;
import io.switchboard.worker.retry.Classification;
import io.switchboard.worker.retry.Decider;
import io.switchboard.worker.retry.Decider.Decision;
import io.switchboard.worker.signing.OutboundSigner;
import io.switchboard.worker.telemetry.DeliveryTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One attempt of one leased delivery, as named phases: expire (a delivery older than its
 * destination's max age goes dead unsent), admit (or defer, when the destination's guards
 * say wait), prepare (body and signature), send, classify (what the answer means), decide
 * (delivered, retry when, dead, or paused because the receiver is gone), settle (the
 * attempt and the new state in one transaction, shared with the other attempts that end
 * meanwhile; a receiver that is gone switches its destination off in that same
 * transaction).
 */
class DeliveryAttempt {

	private static final Log logger = LogFactory.getLog(DeliveryAttempt.class);

	/**
	 * Where transformations run: as many threads as cores, apart from the event loops.
	 */
	private static final Scheduler TRANSFORMS = Schedulers.newParallel("transform",
			Runtime.getRuntime().availableProcessors(), true);

	private final DeliveryQueue queue;

	private final GroupCommit<Settlement, Boolean> settlements;

	private final ReceiverClient receivers;

	private final DestinationGuards guards;

	private final Decider decider;

	private final String userAgent;

	private final DeliveryTelemetry telemetry;

	private final DeliveryAssets assets;

	DeliveryAttempt(DeliveryQueue queue, GroupCommit<Settlement, Boolean> settlements, ReceiverClient receivers,
			DestinationGuards guards, double jitter, String userAgent, DeliveryTelemetry telemetry,
			DeliveryAssets assets) {
		this.assets = assets;
		this.queue = queue;
		this.settlements = settlements;
		this.receivers = receivers;
		this.guards = guards;
		this.decider = new Decider(jitter);
		this.userAgent = userAgent;
		this.telemetry = telemetry;
	}

	/**
	 * Makes the attempt; or defers it when its destination's guards say wait; or, when
	 * the delivery outlived its max age, settles it dead without one.
	 * @param delivery the leased delivery
	 * @param placeFreed told once the destination's place is free again, which may be
	 * before the attempt is settled
	 * @return done once settled
	 */
	Mono<Void> run(LeasedDelivery delivery, Runnable placeFreed) {
		if (delivery.outlived(Instant.now())) {
			return expire(delivery);
		}
		if ("original".equals(delivery.target().assetLinks())) {
			return attempt(delivery, placeFreed, DeliveryAssets.Resolved.NONE);
		}
		return this.assets.resolve(delivery)
			.flatMap((resolved) -> (resolved.waitUntil() != null) ? waitForAssets(delivery, resolved.waitUntil())
					: attempt(delivery, placeFreed, resolved))
			.onErrorResume((error) -> {
				logger.warn("Could not read the assets of " + delivery + "; its lease will expire: " + error);
				return Mono.empty();
			});
	}

	/**
	 * Its event's assets are still being fetched: back in the queue, no attempt used up.
	 */
	private Mono<Void> waitForAssets(LeasedDelivery delivery, Instant until) {
		this.telemetry.deferred(delivery, "waiting for assets");
		return this.queue.defer(delivery, until).then();
	}

	private Mono<Void> attempt(LeasedDelivery delivery, Runnable placeFreed, DeliveryAssets.Resolved assets) {
		Admission admission = this.guards.admit(delivery);
		if (!admission.admitted()) {
			return defer(delivery, admission);
		}
		Instant started = Instant.now();
		return prepare(delivery, started, assets).onErrorResume((error) -> {
			// nothing was sent: the place is free again, and the circuit has nothing to
			// count
			admission.released();
			placeFreed.run();
			return Mono.error(error);
		}).flatMap((request) -> send(delivery, request).flatMap((sent) -> {
			Classification classified = classify(sent, started);
			admission.finished(classified.delivered(), sent.duration());
			placeFreed.run();
			Decision decision = this.decider.decide(delivery, classified, Instant.now(), ThreadLocalRandom.current());
			return settle(delivery, request, started, sent, classified, decision);
		}))
			.onErrorResume(TransformFailed.class, (failure) -> untransformable(delivery, started, failure))
			.onErrorResume((error) -> {
				logger.warn("Could not settle the attempt of " + delivery + "; its lease will expire and it will be "
						+ "tried again: " + error);
				return Mono.empty();
			})
			// however it ended (an unexpected error, no answer at all), the destination's
			// permits come back; a no-op once the answer gave them back
			.doFinally((signal) -> admission.released());
	}

	/**
	 * The body and signature. A transformation runs on its own threads, never on the
	 * event loop that leased the delivery: one tenant's 250 ms expression must not hold
	 * up anyone's database or HTTP I/O.
	 */
	private Mono<PreparedRequest> prepare(LeasedDelivery delivery, Instant started, DeliveryAssets.Resolved assets) {
		Mono<PreparedRequest> prepared = Mono
			.fromCallable(() -> PreparedRequest.of(delivery, this.userAgent, started, assets));
		return (delivery.target().transform() != null) ? prepared.subscribeOn(TRANSFORMS) : prepared;
	}

	/** Older than its max age: dead, unsent. */
	private Mono<Void> expire(LeasedDelivery delivery) {
		this.telemetry.expired(delivery);
		return this.settlements.submit(Settlement.outlived(delivery)).then().onErrorResume((error) -> {
			logger.warn("Could not settle " + delivery + " as past its max age; its lease will expire: " + error);
			return Mono.empty();
		});
	}

	/**
	 * The destination's transformation cannot make a body for this event, and would not
	 * on a retry: dead, with an attempt that shows the error and sent nothing.
	 */
	private Mono<Void> untransformable(LeasedDelivery delivery, Instant started, TransformFailed failure) {
		AttemptRecord attempt = new AttemptRecord(delivery.attempt().trigger(), false, started, 0, Map.of(), null, null,
				null, NextState.TRANSFORM_FAILED, failure.getMessage());
		this.telemetry.attempted(delivery, DeliveryStatus.DEAD.columnValue(), null, failure, Duration.ZERO);
		return this.settlements
			.submit(new Settlement(delivery, attempt, NextState.transformFailed(failure.getMessage())))
			.then()
			.onErrorResume((error) -> {
				logger.warn("Could not settle " + delivery + " as untransformable; its lease will expire: " + error);
				return Mono.empty();
			});
	}

	/** Not the receiver's fault: back in the queue, no attempt used up. */
	private Mono<Void> defer(LeasedDelivery delivery, Admission admission) {
		this.telemetry.deferred(delivery, admission.reason());
		return this.queue.defer(delivery, Instant.now().plus(admission.retryIn())).then();
	}

	private Mono<Sent> send(LeasedDelivery delivery, PreparedRequest request) {
		return this.receivers.attempt(delivery.target().url(), request.headers(), request.body(),
				Duration.ofMillis(delivery.target().timeoutMillis()));
	}

	private static Classification classify(Sent sent, Instant started) {
		return Classification.of(sent.status(), (sent.response() != null) ? sent.response().headers() : null,
				sent.error(), started);
	}

	private Mono<Void> settle(LeasedDelivery delivery, PreparedRequest request, Instant started, Sent sent,
			Classification classified, Decision decision) {
		this.telemetry.attempted(delivery, decision.next().status().columnValue(), sent.status(), sent.error(),
				sent.duration());
		AttemptRecord attempt = AttemptRedaction.of(delivery)
			.apply(sent.logged(delivery.attempt().trigger(), classified.delivered(), started,
					OutboundSigner.redacted(request.headers())));
		return this.settlements.submit(new Settlement(delivery, attempt, decision.next(), decision.disableReason()))
			.then();
	}

}
