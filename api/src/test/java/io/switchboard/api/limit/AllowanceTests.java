package io.switchboard.api.limit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowanceTests {

	private final Allowance<String> allowance = new Allowance<>(2);

	@Test
	void aKeyWaitsOnceItHasSpentItsBurstAndOtherKeysDoNot() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.allowance.wait("noisy")).as("spent " + i).isZero();
			this.allowance.spend("noisy");
		}
		assertThat(this.allowance.wait("noisy")).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
		assertThat(this.allowance.wait("quiet")).isZero();
	}

	@Test
	void askingHowLongToWaitSpendsNothing() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.allowance.wait("patient")).isZero();
		}
		this.allowance.spend("patient");
		assertThat(this.allowance.wait("patient")).isZero();
	}

}
