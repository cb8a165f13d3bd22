package io.switchboard.api.inbound;

import io.switchboard.core.id.SourceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InboundBudgetTests {

	private final InboundBudget budget = new InboundBudget(1000, 400);

	private final SourceId greedy = SourceId.generate();

	private final SourceId other = SourceId.generate();

	@Test
	void oneSourceCannotHoldMoreThanItsShare() {
		assertThat(this.budget.reserve(this.greedy, 300)).isNotNull();
		assertThat(this.budget.reserve(this.greedy, 100)).isNotNull();
		assertThatExceptionOfType(InboundBudget.Refused.class).as("share used up")
			.isThrownBy(() -> this.budget.reserve(this.greedy, 1))
			.satisfies((refused) -> assertThat(refused.sourceShare()).isTrue());
		assertThat(this.budget.reserve(this.other, 400)).as("another source is not affected").isNotNull();
		assertThat(this.budget.used()).isEqualTo(800);
	}

	@Test
	void theWholeBudgetIsSharedByAllSources() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.budget.reserve(SourceId.generate(), 200)).isNotNull();
		}
		assertThatExceptionOfType(InboundBudget.Refused.class)
			.isThrownBy(() -> this.budget.reserve(SourceId.generate(), 1))
			.satisfies((refused) -> assertThat(refused.sourceShare()).isFalse());
		assertThat(this.budget.used()).isEqualTo(1000);
	}

	@Test
	void releasedRoomCanBeTakenAgainAndReleasingTwiceGivesNothingBack() {
		InboundBudget.Reservation first = this.budget.reserve(this.greedy, 400);
		assertThatExceptionOfType(InboundBudget.Refused.class).isThrownBy(() -> this.budget.reserve(this.greedy, 1));
		first.release();
		first.release();
		assertThat(this.budget.used()).isZero();
		assertThat(this.budget.reserve(this.greedy, 400)).isNotNull();
		assertThat(this.budget.used()).isEqualTo(400);
	}

	@Test
	void aBodyLargerThanAShareIsLetInWhenItsSourceHoldsNothingElse() {
		InboundBudget.Reservation big = this.budget.reserve(this.greedy, 900);
		assertThat(big).isNotNull();
		assertThatExceptionOfType(InboundBudget.Refused.class).isThrownBy(() -> this.budget.reserve(this.greedy, 1));
		assertThatExceptionOfType(InboundBudget.Refused.class).as("past the whole budget")
			.isThrownBy(() -> this.budget.reserve(this.other, 200));
		big.release();
		assertThat(this.budget.reserve(this.other, 200)).isNotNull();
	}

}
