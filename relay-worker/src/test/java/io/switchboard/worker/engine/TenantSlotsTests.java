package io.switchboard.worker.engine;

import java.util.Map;

import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tenant's share of a worker's slots.
 */
class TenantSlotsTests {

	private static final TenantId BUSY = TenantId.generate();

	private static final TenantId QUIET = TenantId.generate();

	@Test
	void capIsTheShareOfTheSlotsRoundedUpAndNeverZero() {
		assertThat(new TenantSlots(64, 0.5).cap()).isEqualTo(32);
		assertThat(new TenantSlots(10, 0.25).cap()).isEqualTo(3);
		assertThat(new TenantSlots(64, 0.0).cap()).isEqualTo(1);
		assertThat(new TenantSlots(64, 1.0).cap()).isEqualTo(64);
	}

	@Test
	void roomShrinksAsATenantTakesSlotsAndGrowsAsItGivesThemBack() {
		TenantSlots slots = new TenantSlots(8, 0.5);
		assertThat(slots.room()).isEmpty();
		for (int i = 0; i < 5; i++) {
			slots.take(BUSY);
		}
		slots.take(QUIET);
		assertThat(slots.room()).containsOnly(Map.entry(BUSY, 0), Map.entry(QUIET, 3));
		slots.give(BUSY);
		slots.give(BUSY);
		slots.give(QUIET);
		assertThat(slots.room()).containsOnly(Map.entry(BUSY, 1));
	}

}
