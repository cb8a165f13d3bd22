package io.switchboard.core.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan against PostgreSQL: a circuit open longer than the threshold opens one
 * {@code destination-failing} issue however often the scan runs or how many workers run
 * it; a closed circuit resolves it; a destination its owner switched off is no issue.
 */
@SpringBootTest
class IssueScanIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Issues issues;

	@Test
	void circuitOpenTooLongOpensOneIssueThatClosingResolves() {
		Tenant tenant = this.tenants.create("Failing").block();
		Destination n8n = this.destinations
			.create(tenant.id(), "Workflow", DestinationKind.N8N, "https://n8n.example.com/webhook/x")
			.block();
		IssueScan scan = new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5);
		circuit(n8n, "open", "now() - interval '2 minutes'");
		scan.runOnce().block();
		assertThat(unresolved(tenant)).as("open for less than the threshold").isEmpty();

		circuit(n8n, "open", "now() - interval '6 minutes'");
		scan.runOnce().block();
		scan.runOnce().block();
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
		List<Issue> open = unresolved(tenant);
		assertThat(open).hasSize(1);
		assertThat(open.get(0).kind()).isEqualTo("destination-failing");
		assertThat(open.get(0).resourceId()).isEqualTo(n8n.id().toString());
		assertThat(open.get(0).summary()).contains("Workflow").contains("workflow is not active");

		circuit(n8n, "closed", "now()");
		scan.runOnce().block();
		assertThat(unresolved(tenant)).isEmpty();
		Issue resolved = this.issues.list(tenant.id(), "resolved", 10).blockFirst();
		assertThat(resolved.resolution()).contains("answers again");
	}

	@Test
	void destinationItsOwnerSwitchedOffIsNoIssue() {
		Tenant tenant = this.tenants.create("Owner off").block();
		Destination zap = this.destinations
			.create(tenant.id(), "Zap", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/a/")
			.block();
		this.destinations.setEnabled(tenant.id(), zap.id(), false).block();
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
		assertThat(unresolved(tenant)).isEmpty();
		this.destinations.disable(tenant.id(), zap.id(), "The receiver answered 410 Gone.").block();
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
		assertThat(unresolved(tenant)).extracting(Issue::kind).containsExactly("destination-disabled");
	}

	@Test
	void aFailingIssueSaysTheLastAnswersAndWhatA429Means() {
		Tenant tenant = this.tenants.create("Limited").block();
		Destination make = this.destinations
			.create(tenant.id(), "Scenario", DestinationKind.MAKE, "https://hook.eu1.make.com/abc")
			.block();
		answered(make, Instant.now().minusSeconds(30), 500);
		answered(make, Instant.now().minusSeconds(20), 429);
		answered(make, Instant.now().minusSeconds(10), 429);
		circuit(make, "open", "now() - interval '6 minutes'");
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
		List<Issue> open = unresolved(tenant);
		assertThat(open).extracting(Issue::kind).containsExactly("destination-failing");
		assertThat(open.get(0).summary()).contains("Its last answers, newest first: 429, 429, 500")
			.contains("plan's task or operation limit");
	}

	private void answered(Destination destination, Instant at, int status) {
		this.database
			.sql("INSERT INTO delivery_attempt (tenant_id, id, destination_id, attempt_number, trigger, outcome, "
					+ "started_at, request_url, response_status) VALUES (:tenantId, :id, :destination, 1, 'test', "
					+ "'failed', :at, 'x', :status)")
			.bind("tenantId", destination.tenantId().uuid())
			.bind("id", new UUID((at.toEpochMilli() << 16) | 0x7000L, UUID.randomUUID().getLeastSignificantBits()))
			.bind("destination", destination.id().uuid())
			.bind("at", at)
			.bind("status", status)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private List<Issue> unresolved(Tenant tenant) {
		return this.issues.list(tenant.id(), "open", 10).collectList().block();
	}

	private void circuit(Destination destination, String state, String changedAt) {
		this.database
			.sql("UPDATE destination SET circuit_state = :state, circuit_changed_at = " + changedAt
					+ " WHERE tenant_id = :tenantId AND id = :id")
			.bind("state", state)
			.bind("tenantId", destination.tenantId().uuid())
			.bind("id", destination.id().uuid())
			.fetch()
			.rowsUpdated()
			.block();
	}

}
