package io.switchboard.api.inbound;

import java.time.Duration;

import io.switchboard.core.id.SourceId;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalBrakeTests {

	private final RefusalBrake brake = new RefusalBrake(properties(2));

	@Test
	void aSourceIsBrakedOnceItsRefusalsOutrunItsAllowanceAndOthersAreNot() {
		SourceId noisy = SourceId.generate();
		SourceId quiet = SourceId.generate();
		for (int i = 0; i < 4; i++) {
			assertThat(this.brake.wait(noisy)).as("refusal " + i).isZero();
			this.brake.refused(noisy);
		}
		assertThat(this.brake.wait(noisy)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
		assertThat(this.brake.wait(quiet)).isZero();
	}

	static InboundProperties properties(int refusalsPerSecond) {
		return new Binder(new MapConfigurationPropertySource(
				java.util.Map.of("switchboard.inbound.max-refusals-per-second", Integer.toString(refusalsPerSecond))))
			.bindOrCreate("switchboard.inbound", InboundProperties.class);
	}

}
