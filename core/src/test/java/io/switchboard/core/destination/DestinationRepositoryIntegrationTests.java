package io.switchboard.core.destination;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DestinationRepositoryIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private DestinationRepository destinations;

	private Tenant tenant;

	@BeforeEach
	void createTenant() {
		this.tenant = this.tenants.create("Destinations").block();
	}

	@Test
	void storesADestinationWithAGeneratedSigningSecret() {
		Destination created = this.destinations
			.create(this.tenant.id(), "n8n flow", DestinationKind.N8N, "https://n8n.example.com/webhook/calls")
			.block();
		Destination found = this.destinations.findByTenantAndId(this.tenant.id(), created.id()).block();
		assertThat(found).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(created);
		assertThat(found.signingSecret()).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(found.enabled()).isTrue();
	}

	@Test
	void anotherTenantsIdFindsNothingAndChangesNothing() {
		Tenant other = this.tenants.create("Other").block();
		Destination mine = this.destinations
			.create(this.tenant.id(), "Mine", DestinationKind.MAKE, "https://hook.eu1.make.com/abc")
			.block();
		assertThat(this.destinations.findByTenantAndId(other.id(), mine.id()).blockOptional()).isEmpty();
		assertThat(this.destinations.setEnabled(other.id(), mine.id(), false).block()).isFalse();
		assertThat(this.destinations.findByTenantAndId(this.tenant.id(), mine.id()).block().enabled()).isTrue();
		assertThat(this.destinations.findByTenantAndId(this.tenant.id(), DestinationId.generate()).blockOptional())
			.isEmpty();
	}

}
