package io.switchboard.worker.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.delivery.AttemptRecord;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.Settlement;
import io.switchboard.worker.guard.Admission;
import io.switchboard.worker.guard.DestinationGuards;
import io.switchboard.worker.retry.Outcome;
import io.switchboard.worker.retry.ResponseClassifier;
import io.switchboard.worker.retry.RetryAfter;
import io.switchboard.worker.retry.RetrySchedule;
import io.switchboard.worker.signing.OutboundSigner;
import io.switchboard.worker.telemetry.DeliveryTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * One attempt of one leased delivery, as named phases: prepare (body and signature),
 * send, decide (delivered, retry when, dead, or the receiver is gone), record (the
 * attempt and the new state in one transaction, shared with the other attempts that end
 * meanwhile).
 */
class DeliveryAttempt {

	private static final Log logger = LogFactory.getLog(DeliveryAttempt.class);

	private static final String RECEIVER_GONE = "The receiver answered 410 Gone; enable the destination again once it exists.";

	private final DeliveryQueue queue;

	private final GroupCommit<Settlement, Boolean> settlements;

	private final ReceiverClient receivers;

	private final DestinationGuards guards;

	private final double jitter;

	private final String userAgent;

	private final DeliveryTelemetry telemetry;

	DeliveryAttempt(DeliveryQueue queue, GroupCommit<Settlement, Boolean> settlements, ReceiverClient receivers,
			DestinationGuards guards, double jitter, String userAgent, DeliveryTelemetry telemetry) {
		this.queue = queue;
		this.settlements = settlements;
		this.receivers = receivers;
		this.guards = guards;
		this.jitter = jitter;
		this.userAgent = userAgent;
		this.telemetry = telemetry;
	}

	/**
	 * Makes the attempt, or defers it when its destination's guards say wait.
	 * @param delivery the leased delivery
	 * @param placeFreed told once the destination's place is free again, which may be
	 * before the attempt is recorded
	 * @return done once recorded
	 */
	Mono<Void> run(LeasedDelivery delivery, Runnable placeFreed) {
		Admission admission = this.guards.admit(delivery);
		if (!admission.admitted()) {
			// not the receiver's fault: deferred, no attempt used up
			this.telemetry.deferred(delivery, admission.reason());
			return this.queue.defer(delivery, Instant.now().plus(admission.retryIn())).then();
		}
		return send(delivery, admission, placeFreed);
	}

	private Mono<Void> send(LeasedDelivery delivery, Admission admission, Runnable placeFreed) {
		Instant started = Instant.now();
		PreparedRequest request = PreparedRequest.of(delivery, this.userAgent, started);
		return this.receivers
			.attempt(delivery.target().url(), request.headers(), request.body(),
					Duration.ofMillis(delivery.target().timeoutMillis()))
			.flatMap((sent) -> record(delivery, admission, request, started, sent, placeFreed))
			.onErrorResume((error) -> {
				logger.warn("Could not record the attempt of " + delivery + "; its lease will expire and it will be "
						+ "tried again: " + error);
				return Mono.empty();
			});
	}

	private Mono<Void> record(LeasedDelivery delivery, Admission admission, PreparedRequest request, Instant started,
			Sent sent, Runnable placeFreed) {
		Outcome outcome = (sent.response() != null) ? ResponseClassifier.classify(sent.response().status(),
				sent.response().headers().get("webhook-delivery")) : ResponseClassifier.classify(null, null);
		admission.finished(outcome == Outcome.DELIVERED, sent.duration());
		placeFreed.run();
		Decision decision = decide(delivery, outcome, sent, started);
		this.telemetry.attempted(delivery, decision.status().columnValue(),
				(sent.response() != null) ? sent.response().status() : null, sent.error(), sent.duration());
		AttemptRecord attempt = AttemptRedaction.of(delivery)
			.apply(sent.logged(delivery.attempt().trigger(), outcome == Outcome.DELIVERED, started,
					OutboundSigner.redacted(request.headers()), decision.status(), decision.nextAttemptAt()));
		// settled with the other attempts that end meanwhile, in one transaction; a
		// receiver that is gone switches its destination off in that same transaction
		String disableReason = (outcome == Outcome.GONE) ? RECEIVER_GONE : null;
		return this.settlements.submit(new Settlement(delivery, attempt, disableReason)).then();
	}

	private Decision decide(LeasedDelivery delivery, Outcome outcome, Sent sent, Instant started) {
		return switch (outcome) {
			case DELIVERED -> new Decision(DeliveryStatus.DELIVERED, null);
			case GONE -> new Decision(DeliveryStatus.PAUSED, null);
			case ABORT -> new Decision(DeliveryStatus.DEAD, null);
			case RETRY -> retry(delivery, sent, started);
		};
	}

	private Decision retry(LeasedDelivery delivery, Sent sent, Instant started) {
		RetrySchedule schedule = new RetrySchedule(delivery.target().retry().delays(), this.jitter);
		Duration retryAfter = (sent.response() != null)
				? RetryAfter.parse(sent.response().headers().get("retry-after"), started) : null;
		boolean overloaded = (sent.response() != null && sent.response().status() == 429) || timedOut(sent.error());
		Optional<Duration> delay = schedule.nextDelay(delivery.attempt().number(), retryAfter, overloaded,
				ThreadLocalRandom.current());
		return delay.map((wait) -> new Decision(DeliveryStatus.RETRYING, Instant.now().plus(wait)))
			.orElseGet(() -> new Decision(DeliveryStatus.DEAD, null));
	}

	private static boolean timedOut(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

	private record Decision(DeliveryStatus status, Instant nextAttemptAt) {

	}

}
