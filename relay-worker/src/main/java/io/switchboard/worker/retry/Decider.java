package io.switchboard.worker.retry;

import java.time.Instant;
import java.util.random.RandomGenerator;

import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.NextState;

/**
 * Decides where a classified attempt leaves its delivery: delivered; dead when the
 * receiver asked for no more attempts or the destination's schedule is exhausted; paused,
 * with its destination switched off, when the receiver is gone; else due again after the
 * schedule's next wait (jittered, longer when overloaded, {@code Retry-After} honoured),
 * unless that is past the delivery's max age: then dead, {@code max-age-exceeded}.
 */
public class Decider {

	/** Why a destination whose receiver answered 410 Gone is switched off. */
	public static final String RECEIVER_GONE = "The receiver answered 410 Gone; enable the destination again once it exists.";

	private final double jitter;

	/**
	 * A decider whose retry waits stray by up to {@code jitter}.
	 * @param jitter how far each wait may stray, as a fraction of it, from 0 to 1
	 */
	public Decider(double jitter) {
		this.jitter = jitter;
	}

	/**
	 * Decides.
	 * @param delivery the leased delivery the attempt was for
	 * @param classified what the answer means
	 * @param now the time the decision is made
	 * @param random the source of jitter
	 * @return the decision
	 */
	public Decision decide(LeasedDelivery delivery, Classification classified, Instant now, RandomGenerator random) {
		return switch (classified.outcome()) {
			case DELIVERED -> new Decision(NextState.delivered(), null);
			case GONE -> new Decision(NextState.paused(), RECEIVER_GONE);
			case ABORT -> new Decision(NextState.dead(), null);
			case RETRY -> new Decision(retry(delivery, classified, now, random), null);
		};
	}

	private NextState retry(LeasedDelivery delivery, Classification classified, Instant now, RandomGenerator random) {
		RetrySchedule schedule = new RetrySchedule(delivery.target().retry().delays(), this.jitter);
		return schedule.nextDelay(delivery.attempt().number(), classified.retryAfter(), classified.overloaded(), random)
			.map((wait) -> now.plus(wait))
			.map((due) -> due.isAfter(delivery.deadline()) ? NextState.maxAgeExceeded() : NextState.retryAt(due))
			.orElseGet(NextState::dead);
	}

	/**
	 * Where an attempt leaves its delivery.
	 *
	 * @param next the delivery's next state
	 * @param disableReason why its destination is switched off in the same transaction,
	 * or {@code null} to leave it on
	 */
	public record Decision(NextState next, String disableReason) {

	}

}
