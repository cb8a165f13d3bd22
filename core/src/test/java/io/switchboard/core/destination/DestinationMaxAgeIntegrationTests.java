package io.switchboard.core.destination;

import java.util.List;

import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A destination's max age: three days unless set, stored as given within its range.
 */
@SpringBootTest
class DestinationMaxAgeIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private DestinationRepository destinations;

	@Test
	void maxAgeIsThreeDaysUnlessSet() {
		Tenant tenant = this.tenants.create("Max age").block();
		Destination zap = this.destinations
			.create(tenant.id(), "Zap", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/abc/")
			.block();
		assertThat(zap.settings().maxAgeSeconds()).isEqualTo(259_200)
			.isEqualTo(DestinationSettings.DEFAULT_MAX_AGE_SECONDS);
		Destination hourly = this.destinations
			.create(tenant.id(), "Hourly", DestinationKind.CUSTOM, "https://receiver.example.com/in", settings(3_600))
			.block();
		assertThat(this.destinations.findByTenantAndId(tenant.id(), hourly.id()).block().settings().maxAgeSeconds())
			.isEqualTo(3_600);
	}

	@Test
	void maxAgeOutsideItsRangeIsRefusedByTheDatabase() {
		Tenant tenant = this.tenants.create("Max age range").block();
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> this.destinations
					.create(tenant.id(), "Too short", DestinationKind.CUSTOM, "https://receiver.example.com/in",
							settings(DestinationSettings.MIN_MAX_AGE_SECONDS - 1))
					.block());
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> this.destinations
					.create(tenant.id(), "Too long", DestinationKind.CUSTOM, "https://receiver.example.com/in",
							settings(DestinationSettings.MAX_MAX_AGE_SECONDS + 1))
					.block());
	}

	private static DestinationSettings settings(int maxAgeSeconds) {
		return new DestinationSettings("standard-webhooks", "original", List.of(1_000), 10_000, null, 10,
				maxAgeSeconds);
	}

}
