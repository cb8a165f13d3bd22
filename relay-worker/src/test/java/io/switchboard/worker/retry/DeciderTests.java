package io.switchboard.worker.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.EventPayload;
import io.switchboard.core.delivery.LeasedAttempt;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.NextState;
import io.switchboard.core.delivery.RetryPolicy;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.worker.retry.Decider.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decide phase: where a classified attempt leaves its delivery.
 */
class DeciderTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5));

	private final Decider decider = new Decider(0);

	@Test
	void deliveredAttemptFinishesTheDelivery() {
		assertThat(decide(0, new Classification(Outcome.DELIVERED, null, false)))
			.isEqualTo(new Decision(NextState.delivered(), null));
	}

	@Test
	void receiverThatIsGonePausesTheDeliveryAndSwitchesItsDestinationOff() {
		Decision decision = decide(0, new Classification(Outcome.GONE, null, false));
		assertThat(decision.next()).isEqualTo(NextState.paused());
		assertThat(decision.disableReason()).isEqualTo(Decider.RECEIVER_GONE);
	}

	@Test
	void receiverAskingForNoMoreAttemptsMakesItDead() {
		assertThat(decide(0, new Classification(Outcome.ABORT, null, false)).next()).isEqualTo(NextState.dead());
	}

	@Test
	void failedAttemptIsRetriedAfterTheSchedulesWait() {
		assertThat(decide(0, new Classification(Outcome.RETRY, null, false)).next())
			.isEqualTo(NextState.retryAt(NOW.plusSeconds(5)));
		assertThat(decide(1, new Classification(Outcome.RETRY, null, false)).next())
			.isEqualTo(NextState.retryAt(NOW.plus(Duration.ofMinutes(5))));
	}

	@Test
	void overloadedReceiverWaitsLongerAndItsRetryAfterIsHonoured() {
		assertThat(decide(0, new Classification(Outcome.RETRY, null, true)).next())
			.isEqualTo(NextState.retryAt(NOW.plus(Duration.ofMillis(7500))));
		assertThat(decide(0, new Classification(Outcome.RETRY, Duration.ofSeconds(90), false)).next())
			.isEqualTo(NextState.retryAt(NOW.plusSeconds(90)));
	}

	@Test
	void failedLastAttemptMakesItDead() {
		Decision decision = decide(2, new Classification(Outcome.RETRY, null, false));
		assertThat(decision.next().status()).isEqualTo(DeliveryStatus.DEAD);
		assertThat(decision.disableReason()).isNull();
	}

	@Test
	void retryDueAfterTheMaxAgeMakesItDeadWithThatReason() {
		Instant startedAlmostADayAgo = NOW.minus(Duration.ofDays(1)).plusSeconds(100);
		Decision decision = this.decider.decide(delivery(1, startedAlmostADayAgo, Duration.ofDays(1)),
				new Classification(Outcome.RETRY, null, false), NOW, new Random(7));
		assertThat(decision.next()).isEqualTo(NextState.maxAgeExceeded());
		assertThat(decision.next().reason()).isEqualTo("max-age-exceeded");
	}

	@Test
	void retryDueWithinTheMaxAgeIsScheduled() {
		Instant startedAlmostADayAgo = NOW.minus(Duration.ofDays(1)).plusSeconds(400);
		assertThat(this.decider
			.decide(delivery(1, startedAlmostADayAgo, Duration.ofDays(1)),
					new Classification(Outcome.RETRY, null, false), NOW, new Random(7))
			.next()).isEqualTo(NextState.retryAt(NOW.plus(Duration.ofMinutes(5))));
	}

	private Decision decide(int attemptsMade, Classification classified) {
		return this.decider.decide(delivery(attemptsMade, NOW, Duration.ofDays(3)), classified, NOW, new Random(7));
	}

	static LeasedDelivery delivery(int attemptsMade, Instant seriesStartedAt, Duration maxAge) {
		return new LeasedDelivery(TenantId.generate(), DeliveryId.generate(), DestinationId.generate(),
				new LeasedAttempt("owner", attemptsMade, 1, "scheduled", seriesStartedAt),
				new EventPayload(EventId.generate(), "minivoice", "call.completed", false, NOW, "application/json",
						new byte[0]),
				new DeliveryTarget("custom", "https://receiver.example/hook", "none", "original", List.of(), Map.of(),
						1000, 10, null, new RetryPolicy(SCHEDULE, maxAge), null));
	}

}
