package io.switchboard.admin.destination;

import java.util.List;

import io.switchboard.core.destination.DestinationSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WaitListTests {

	@Test
	void defaultScheduleReadsAsPeopleWriteIt() {
		assertThat(WaitList.format(DestinationSettings.DEFAULT_RETRY_DELAYS_MS))
			.isEqualTo("5s, 5m, 30m, 2h, 5h, 10h, 10h");
	}

	@Test
	void writtenScheduleBecomesMilliseconds() {
		assertThat(WaitList.parse(" 100ms, 2s,3m , 1h")).containsExactly(100, 2_000, 180_000, 3_600_000);
	}

	@Test
	void formattedScheduleParsesBackToTheSameDelays() {
		List<Integer> delays = List.of(1, 1_500, 60_000, 86_400_000);
		assertThat(WaitList.parse(WaitList.format(delays))).isEqualTo(delays);
	}

	@Test
	void emptyScheduleMeansNoRetries() {
		assertThat(WaitList.parse("  ")).isEmpty();
	}

	@Test
	void unreadableOrTooLongWaitsAreRefusedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> WaitList.parse("5 minutes"))
			.withMessageContaining("\"5 minutes\"");
		assertThatIllegalArgumentException().isThrownBy(() -> WaitList.parse("25h")).withMessageContaining("24h");
		assertThatIllegalArgumentException().isThrownBy(() -> WaitList.parse("0s"));
	}

}
