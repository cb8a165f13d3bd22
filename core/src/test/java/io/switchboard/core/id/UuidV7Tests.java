package io.switchboard.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UuidV7Tests {

	@Test
	void composesTheRfc9562ExampleExactly() {
		// RFC 9562, appendix A.6:
		// unix_ts_ms 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F
		UUID uuid = UuidV7.compose(0x017F22E279B0L, 0xCC3, 0x18C4DC0C0C07398FL);
		assertThat(uuid).isEqualTo(UUID.fromString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
	}

	@Test
	void carriesVersionSevenAndTheRfcVariant() {
		UUID uuid = UuidV7.generate();
		assertThat(uuid.version()).isEqualTo(7);
		assertThat(uuid.variant()).isEqualTo(2);
	}

	@Test
	void carriesTheClockMillisecond() {
		Instant now = Instant.parse("2026-11-25T18:00:00.123Z");
		UuidV7 generator = new UuidV7(Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());
		assertThat(UuidV7.timestampMillis(generator.next())).isEqualTo(now.toEpochMilli());
	}

	@Test
	void idsFromOneMillisecondStillStrictlyIncrease() {
		UuidV7 generator = new UuidV7(Clock.fixed(Instant.now(), ZoneOffset.UTC), new SecureRandom());
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			ids.add(generator.next());
		}
		for (int i = 1; i < ids.size(); i++) {
			assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
		}
	}

	@Test
	void idsStillIncreaseWhenTheClockStepsBack() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-25T18:00:00Z"));
		UuidV7 generator = new UuidV7(clock, new SecureRandom());
		UUID before = generator.next();
		clock.now = clock.now.minusSeconds(5);
		assertThat(generator.next()).isGreaterThan(before);
	}

	@Test
	void timestampOfAnotherVersionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> UuidV7.timestampMillis(UUID.randomUUID()));
	}

	static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
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
