package io.switchboard.core.tenant;

import java.time.Duration;
import java.util.List;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = { "switchboard.quotas.sources=2", "switchboard.quotas.destinations=1",
		"switchboard.quotas.routes=1" })
class TenantQuotasIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Test
	void aTenantCannotCreateMoreSourcesThanItsQuotaButDeletedOnesFreeRoom() {
		Tenant tenant = this.tenants.create("Quota").block(WAIT);
		Source first = this.sources.create(tenant.id(), NewSource.of("1", Provider.MINIVOICE, null)).block(WAIT);
		this.sources.create(tenant.id(), NewSource.of("2", Provider.MINIVOICE, null)).block(WAIT);
		assertThatExceptionOfType(QuotaExceeded.class)
			.isThrownBy(() -> this.sources.create(tenant.id(), NewSource.of("3", Provider.MINIVOICE, null)).block(WAIT))
			.withMessage("This organisation already has 2 sources, the most it may have. Delete one first,"
					+ " or ask the operator to raise switchboard.quotas.sources.");
		Tenant other = this.tenants.create("Other").block(WAIT);
		assertThat(this.sources.create(other.id(), NewSource.of("1", Provider.MINIVOICE, null)).block(WAIT))
			.as("another tenant's quota is its own")
			.isNotNull();
		this.sources.delete(tenant.id(), first.id()).block(WAIT);
		assertThat(this.sources.create(tenant.id(), NewSource.of("3", Provider.MINIVOICE, null)).block(WAIT))
			.isNotNull();
	}

	@Test
	void destinationsAndRoutesHaveTheirOwnQuotas() {
		Tenant tenant = this.tenants.create("Quota").block(WAIT);
		Source source = this.sources.create(tenant.id(), NewSource.of("1", Provider.MINIVOICE, null)).block(WAIT);
		Destination destination = this.destinations
			.create(tenant.id(), "CRM", DestinationKind.CUSTOM, "https://crm.example.com/in")
			.block(WAIT);
		assertThatExceptionOfType(QuotaExceeded.class)
			.isThrownBy(() -> this.destinations
				.create(tenant.id(), "More", DestinationKind.CUSTOM, "https://more.example.com/in")
				.block(WAIT))
			.satisfies((ex) -> assertThat(ex.resource()).isEqualTo("destinations"));
		this.routes.create(tenant.id(), source.id(), destination.id(), List.of("*"), "none").block(WAIT);
		assertThatExceptionOfType(QuotaExceeded.class)
			.isThrownBy(() -> this.routes.create(tenant.id(), source.id(), destination.id(), List.of("call.*"), "none")
				.block(WAIT))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(1));
	}

}
