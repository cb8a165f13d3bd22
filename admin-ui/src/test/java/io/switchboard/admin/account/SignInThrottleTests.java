package io.switchboard.admin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), this.clock);

	@Test
	void addressIsLockedAfterTooManyFailuresWhateverItsCase() {
		this.throttle.failed("ana@example.com");
		this.throttle.failed("ANA@example.com");
		assertThat(this.throttle.locked("ana@example.com")).isFalse();
		this.throttle.failed(" ana@example.com ");
		assertThat(this.throttle.locked("Ana@Example.com")).isTrue();
		assertThat(this.throttle.locked("bob@example.com")).isFalse();
	}

	@Test
	void lockEndsWhenTheWindowHasPassed() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("ana@example.com");
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.throttle.locked("ana@example.com")).isFalse();
		this.throttle.failed("ana@example.com");
		assertThat(this.throttle.locked("ana@example.com")).isFalse();
	}

	@Test
	void successForgetsEarlierFailures() {
		this.throttle.failed("ana@example.com");
		this.throttle.failed("ana@example.com");
		this.throttle.succeeded("ana@example.com");
		this.throttle.failed("ana@example.com");
		assertThat(this.throttle.locked("ana@example.com")).isFalse();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
