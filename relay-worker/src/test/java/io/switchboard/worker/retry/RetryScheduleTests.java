package io.switchboard.worker.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTests {

	/** Draws {@code u = -jitter}. */
	private static final RandomGenerator LOWEST = fixed(0.0);

	/** Draws {@code u = 0}. */
	private static final RandomGenerator MIDDLE = fixed(0.5);

	/** Draws the largest {@code u} there is, a hair under {@code +jitter}. */
	private static final RandomGenerator HIGHEST = fixed(Math.nextDown(1.0));

	private final RetrySchedule defaults = RetrySchedule.defaults();

	@Test
	void defaultScheduleReachesAboutADayInEightAttempts() {
		assertThat(this.defaults.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
				Duration.ofHours(10));
		assertThat(this.defaults.jitter()).isEqualTo(0.2);
		assertThat(this.defaults.maxRetryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.maxAttempts()).isEqualTo(8);
	}

	@Test
	void withoutJitterEachAttemptWaitsItsScheduledDelay() {
		for (int attemptsMade = 1; attemptsMade < this.defaults.maxAttempts(); attemptsMade++) {
			assertThat(this.defaults.nextDelay(attemptsMade, null, false, MIDDLE))
				.contains(this.defaults.delays().get(attemptsMade - 1));
		}
	}

	@Test
	void lowestJitterWaitsTwentyPercentLess() {
		assertThat(this.defaults.nextDelay(1, null, false, LOWEST)).contains(Duration.ofSeconds(4));
		assertThat(this.defaults.nextDelay(7, null, false, LOWEST)).contains(Duration.ofHours(8));
	}

	@Test
	void highestJitterWaitsTwentyPercentMore() {
		assertThat(this.defaults.nextDelay(1, null, false, HIGHEST)).contains(Duration.ofSeconds(6));
		assertThat(this.defaults.nextDelay(7, null, false, HIGHEST)).contains(Duration.ofHours(12));
	}

	@Test
	void seededJitterStaysWithinBoundsAndSpreads() {
		SplittableRandom random = new SplittableRandom(20_260_529L);
		List<Duration> delays = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			delays.add(this.defaults.nextDelay(1, null, false, random).orElseThrow());
		}
		assertThat(delays)
			.allSatisfy((delay) -> assertThat(delay).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6)));
		assertThat(delays).anyMatch((delay) -> delay.compareTo(Duration.ofMillis(4100)) < 0)
			.anyMatch((delay) -> delay.compareTo(Duration.ofMillis(5900)) > 0);
	}

	@Test
	void fullJitterNeverWaitsLessThanNothing() {
		RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1)), 1.0);
		assertThat(schedule.nextDelay(1, null, false, LOWEST)).contains(Duration.ZERO);
	}

	@Test
	void exhaustedScheduleHasNoNextDelay() {
		assertThat(this.defaults.nextDelay(7, null, false, MIDDLE)).contains(Duration.ofHours(10));
		assertThat(this.defaults.nextDelay(8, null, false, MIDDLE)).isEmpty();
		assertThat(this.defaults.nextDelay(9, Duration.ofSeconds(1), true, MIDDLE)).isEmpty();
	}

	@Test
	void retryWithoutAFailedAttemptIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.nextDelay(0, null, false, MIDDLE));
	}

	@Test
	void retryAfterLongerThanTheScheduleWins() {
		assertThat(this.defaults.nextDelay(1, Duration.ofMinutes(2), false, HIGHEST)).contains(Duration.ofMinutes(2));
	}

	@Test
	void retryAfterBeyondTheCapIsCapped() {
		assertThat(this.defaults.nextDelay(1, Duration.ofHours(3), false, MIDDLE)).contains(Duration.ofHours(1));
		RetrySchedule schedule = new RetrySchedule(this.defaults.delays(), 0.2, Duration.ofMinutes(10));
		assertThat(schedule.nextDelay(1, Duration.ofHours(3), false, MIDDLE)).contains(Duration.ofMinutes(10));
	}

	@Test
	void retryAfterShorterThanTheScheduleDoesNotShortenIt() {
		assertThat(this.defaults.nextDelay(2, Duration.ofMinutes(1), false, LOWEST)).contains(Duration.ofMinutes(4));
		assertThat(this.defaults.nextDelay(1, Duration.ZERO, false, MIDDLE)).contains(Duration.ofSeconds(5));
	}

	@Test
	void theCapNeverShortensTheSchedule() {
		assertThat(this.defaults.nextDelay(4, Duration.ofHours(3), false, MIDDLE)).contains(Duration.ofHours(2));
	}

	@Test
	void negativeRetryAfterIsIgnored() {
		assertThat(this.defaults.nextDelay(1, Duration.ofSeconds(-30), false, MIDDLE)).contains(Duration.ofSeconds(5));
	}

	@Test
	void overloadedReceiverIsLeftAloneHalfAsLongAgain() {
		assertThat(this.defaults.nextDelay(1, null, true, MIDDLE)).contains(Duration.ofMillis(7500));
		assertThat(this.defaults.nextDelay(1, null, true, LOWEST)).contains(Duration.ofSeconds(6));
		assertThat(this.defaults.nextDelay(2, null, true, HIGHEST)).contains(Duration.ofMinutes(9));
	}

	@Test
	void overloadPenaltyComesBeforeRetryAfterIsCompared() {
		assertThat(this.defaults.nextDelay(1, Duration.ofSeconds(6), true, MIDDLE)).contains(Duration.ofMillis(7500));
		assertThat(this.defaults.nextDelay(1, Duration.ofSeconds(8), true, MIDDLE)).contains(Duration.ofSeconds(8));
	}

	@Test
	void millisecondSchedulesWork() {
		RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), 0.0);
		assertThat(schedule.maxAttempts()).isEqualTo(3);
		assertThat(schedule.nextDelay(1, null, false, LOWEST)).contains(Duration.ofMillis(10));
		assertThat(schedule.nextDelay(2, null, false, HIGHEST)).contains(Duration.ofMillis(20));
		assertThat(schedule.nextDelay(3, null, false, MIDDLE)).isEmpty();
		RetrySchedule jittered = new RetrySchedule(List.of(Duration.ofMillis(10)), 0.5);
		assertThat(jittered.nextDelay(1, null, false, LOWEST)).contains(Duration.ofMillis(5));
		assertThat(jittered.nextDelay(1, null, true, HIGHEST)).contains(Duration.ofMillis(22).plusNanos(500_000));
	}

	@Test
	void scheduleIsCopiedAndValidated() {
		List<Duration> delays = new ArrayList<>(List.of(Duration.ofSeconds(1)));
		RetrySchedule schedule = new RetrySchedule(delays, 0.1);
		delays.add(Duration.ofSeconds(2));
		assertThat(schedule.maxAttempts()).isEqualTo(2);
		assertThat(new RetrySchedule(List.of(), 0.1).nextDelay(1, null, false, MIDDLE)).isEqualTo(Optional.empty());
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(), 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(), -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(), Double.NaN));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(List.of(), 0.1, Duration.ofSeconds(-1)));
	}

	private static RandomGenerator fixed(double draw) {
		return new RandomGenerator() {

			@Override
			public long nextLong() {
				throw new UnsupportedOperationException("only nextDouble() is drawn");
			}

			@Override
			public double nextDouble() {
				return draw;
			}

		};
	}

}
