package io.switchboard.core.destination;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.testsupport.TestDatabase;
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

	@Autowired
	private SourceRepository sources;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private EventStore store;

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
	void kindsComeWithVisibleDefaults() {
		Destination zap = this.destinations
			.create(this.tenant.id(), "Zap", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/a/")
			.block();
		assertThat(zap.settings()).isEqualTo(new DestinationSettings("standard-webhooks", "original",
				DestinationSettings.DEFAULT_RETRY_DELAYS_MS, 10_000, 25, 10));
		assertThat(this.destinations.create(this.tenant.id(), "Own", DestinationKind.CUSTOM, "https://x.example/h")
			.block()
			.settings()
			.rateLimitPerSecond()).isNull();
	}

	@Test
	void changesApplyOnlyWhereGiven() {
		Destination created = this.destinations
			.create(this.tenant.id(), "Before", DestinationKind.CUSTOM, "https://x.example/h")
			.block();
		Destination changed = this.destinations
			.update(this.tenant.id(), created.id(),
					DestinationChange.builder()
						.name("After")
						.signatureStyle("minari")
						.payloadFormat("normalized")
						.retryDelaysMs(List.of(100, 200))
						.timeoutMs(3000)
						.rateLimitPerSecond(7)
						.maxInFlight(2)
						.headers(Map.of("X-Api-Key", "k1"))
						.build())
			.block();
		assertThat(changed.name()).isEqualTo("After");
		assertThat(changed.headers()).containsExactly(Map.entry("X-Api-Key", "k1"));
		assertThat(changed.url()).isEqualTo("https://x.example/h");
		assertThat(changed.settings())
			.isEqualTo(new DestinationSettings("minari", "normalized", List.of(100, 200), 3000, 7, 2));
		assertThat(this.destinations
			.update(this.tenant.id(), created.id(), DestinationChange.builder().clearRateLimit(true).build())
			.block()
			.settings()
			.rateLimitPerSecond()).isNull();
	}

	@Test
	void switchingOffPausesWaitingDeliveriesAndOnResumesThem() throws Exception {
		Destination destination = this.destinations
			.create(this.tenant.id(), "Hook", DestinationKind.CUSTOM, "https://x.example/h")
			.block();
		Source source = this.sources.create(this.tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null)).block();
		this.routes.create(this.tenant.id(), source.id(), destination.id(), List.of("*"), "none").block();
		this.store
			.store(List.of(new IncomingEvent(this.tenant.id(), source.id(),
					new EventFacts("call.completed", null, null, false, "k"), null, Map.of(), new byte[] { 1 })))
			.block();
		assertThat(deliveryStatus()).isEqualTo("pending");
		Destination off = this.destinations
			.update(this.tenant.id(), destination.id(), DestinationChange.builder().enabled(false).build())
			.block();
		assertThat(off.enabled()).isFalse();
		assertThat(off.disabledReason()).isNotBlank();
		assertThat(deliveryStatus()).isEqualTo("paused");
		Destination on = this.destinations
			.update(this.tenant.id(), destination.id(), DestinationChange.builder().enabled(true).build())
			.block();
		assertThat(on.enabled()).isTrue();
		assertThat(on.disabledReason()).isNull();
		assertThat(deliveryStatus()).isEqualTo("pending");
	}

	@Test
	void rotationMakesANewSecretAndKeepsTheOldOneSigningForAWhile() throws Exception {
		Destination created = this.destinations
			.create(this.tenant.id(), "Hook", DestinationKind.CUSTOM, "https://x.example/h")
			.block();
		Destination rotated = this.destinations
			.rotateSigningSecret(this.tenant.id(), created.id(), Duration.ofHours(24))
			.block();
		assertThat(rotated.signingSecret()).startsWith("whsec_").isNotEqualTo(created.signingSecret());
		assertThat(query("SELECT (previous_signing_secret_expires_at > now() + interval '23 hours')::text"
				+ " FROM destination WHERE tenant_id = ?"))
			.isEqualTo("true");
	}

	private String deliveryStatus() throws Exception {
		return query("SELECT status FROM delivery WHERE tenant_id = ?");
	}

	private String query(String sql) throws Exception {
		try (var connection = TestDatabase.get().connect(); var statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			try (var result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
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
