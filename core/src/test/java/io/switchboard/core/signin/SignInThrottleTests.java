package io.switchboard.core.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(3, 5, Duration.ofMinutes(15), 100),
			this.clock);

	@Test
	void emailIsRefusedAfterTooManyFailuresWhateverItsCase() {
		this.throttle.failed("ana@example.com", "192.0.2.1");
		this.throttle.failed("ANA@example.com", "192.0.2.2");
		assertThat(this.throttle.refusal("ana@example.com", "192.0.2.3")).isEmpty();
		this.throttle.failed(" ana@example.com ", "192.0.2.3");
		assertThat(this.throttle.refusal("Ana@Example.com", "192.0.2.4")).contains(Duration.ofMinutes(15));
		assertThat(this.throttle.refusal("bob@example.com", "192.0.2.4")).isEmpty();
	}

	@Test
	void addressIsRefusedAfterTooManyFailuresWhateverTheEmails() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("user" + i + "@example.com", "192.0.2.9");
		}
		assertThat(this.throttle.refusal("someone-else@example.com", "192.0.2.9")).isPresent();
		assertThat(this.throttle.refusal("someone-else@example.com", "192.0.2.10")).isEmpty();
	}

	@Test
	void refusalEndsWhenTheLockoutHasPassedAndSaysHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("ana@example.com", null);
		}
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.throttle.refusal("ana@example.com", null)).contains(Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.throttle.refusal("ana@example.com", null)).isEmpty();
		this.throttle.failed("ana@example.com", null);
		assertThat(this.throttle.refusal("ana@example.com", null)).isEmpty();
	}

	@Test
	void successForgetsTheEmailsFailuresButNotTheAddresses() {
		this.throttle.failed("ana@example.com", "192.0.2.1");
		this.throttle.failed("ana@example.com", "192.0.2.1");
		this.throttle.succeeded("ana@example.com");
		this.throttle.failed("ana@example.com", "192.0.2.1");
		assertThat(this.throttle.refusal("ana@example.com", null)).isEmpty();
		this.throttle.failed("bob@example.com", "192.0.2.1");
		this.throttle.failed("cy@example.com", "192.0.2.1");
		assertThat(this.throttle.refusal("dee@example.com", "192.0.2.1")).isPresent();
	}

	@Test
	void memoryStaysBoundedWhateverTheAttackerSends() {
		String longTail = "x".repeat(10_000);
		for (int i = 0; i < 10_000; i++) {
			this.throttle.failed("victim" + i + "@example.com" + longTail, "198.51.100." + (i % 250) + "." + i);
		}
		assertThat(this.throttle.tracked()).isLessThanOrEqualTo(200);
	}

	@Test
	void veryLongEmailsAreCountedByTheirFirst320Characters() {
		String prefix = "a".repeat(SignInThrottle.MAX_EMAIL_LENGTH);
		for (int i = 0; i < 3; i++) {
			this.throttle.failed(prefix + i, null);
		}
		assertThat(this.throttle.refusal(prefix + "anything", null)).isPresent();
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
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
