package io.switchboard.core.destination;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.RelayRows;
import io.switchboard.core.audit.Actor;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.issue.Issue;
import io.switchboard.core.issue.IssueScan;
import io.switchboard.core.issue.Issues;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Auto-disable against PostgreSQL: a destination failing without a success for its
 * disable-after is switched off, its waiting delivery paused (not dead) and a
 * {@code destination-disabled} issue opened; switching it on resumes the delivery and the
 * old failures no longer count; a success in between keeps it on; the setting is checked
 * by the destination rules.
 */
@SpringBootTest
class AutoDisableIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository repository;

	@Autowired
	private Destinations destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private AutoDisable autoDisable;

	@Autowired
	private Issues issues;

	@Autowired
	private DatabaseClient database;

	@Test
	void failingTooLongSwitchesOffAndPausesThenSwitchingOnResumes() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.repository, this.routes);
		DestinationId id = new DestinationId(rows.destinationId());
		Actor owner = new Actor(rows.tenantId(), "usr_owner");
		this.destinations.update(owner, id, DestinationChange.builder().disableAfterSeconds(3600).build()).block();
		UUID waiting = rows.delivery(rows.event(Instant.now()), "retrying");
		attempt(rows, waiting, Instant.now().minus(Duration.ofMinutes(90)), "failed", 500);
		attempt(rows, waiting, Instant.now().minus(Duration.ofMinutes(1)), "failed", 500);

		this.autoDisable.run().block();
		Destination off = this.repository.findByTenantAndId(rows.tenantId(), id).block();
		assertThat(off.enabled()).isFalse();
		assertThat(off.disabledReason()).contains("No delivery succeeded for 1 hour(s)").contains("HTTP 500");
		assertThat(status(rows, waiting)).isEqualTo("paused");
		new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5).runOnce().block();
		List<Issue> open = this.issues.list(rows.tenantId(), "open", 10).collectList().block();
		assertThat(open).extracting(Issue::kind).containsExactly("destination-disabled");
		assertThat(open.get(0).summary()).contains("No delivery succeeded");

		this.destinations.update(owner, id, DestinationChange.builder().enabled(true).build()).block();
		assertThat(status(rows, waiting)).isEqualTo("retrying");
		assertThat(this.autoDisable.run().block()).isZero();
		assertThat(this.repository.findByTenantAndId(rows.tenantId(), id).block().enabled()).isTrue();
	}

	@Test
	void successSinceTheFailuresKeepsItOn() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.repository, this.routes);
		DestinationId id = new DestinationId(rows.destinationId());
		this.destinations
			.update(new Actor(rows.tenantId(), "usr_owner"), id,
					DestinationChange.builder().disableAfterSeconds(3600).build())
			.block();
		UUID delivery = rows.delivery(rows.event(Instant.now()), "retrying");
		attempt(rows, delivery, Instant.now().minus(Duration.ofMinutes(120)), "failed", 503);
		attempt(rows, delivery, Instant.now().minus(Duration.ofMinutes(50)), "delivered", 200);
		attempt(rows, delivery, Instant.now().minus(Duration.ofMinutes(10)), "failed", 503);
		this.autoDisable.run().block();
		assertThat(this.repository.findByTenantAndId(rows.tenantId(), id).block().enabled()).isTrue();
	}

	@Test
	void disableAfterIsVisibleDefaultedAndChecked() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.repository, this.routes);
		DestinationId id = new DestinationId(rows.destinationId());
		assertThat(this.repository.findByTenantAndId(rows.tenantId(), id).block().settings().disableAfterSeconds())
			.isEqualTo(432_000);
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(
					() -> this.destinations
						.update(new Actor(rows.tenantId(), "usr_owner"), id,
								DestinationChange.builder().disableAfterSeconds(60).build())
						.block())
			.satisfies((refused) -> assertThat(refused.errors()).containsKey("disableAfterSeconds"));
	}

	private void attempt(RelayRows rows, UUID delivery, Instant at, String outcome, int status) {
		this.database
			.sql("INSERT INTO delivery_attempt (tenant_id, id, delivery_id, destination_id, attempt_number, trigger, "
					+ "outcome, started_at, request_url, response_status) VALUES (:tenantId, :id, :delivery, "
					+ ":destination, 1, 'scheduled', :outcome, :at, 'x', :status)")
			.bind("tenantId", rows.tenantId().uuid())
			.bind("id", new UUID((at.toEpochMilli() << 16) | 0x7000L, UUID.randomUUID().getLeastSignificantBits()))
			.bind("delivery", delivery)
			.bind("destination", rows.destinationId())
			.bind("outcome", outcome)
			.bind("at", at)
			.bind("status", status)
			.fetch()
			.rowsUpdated()
			.block();
		this.database
			.sql("UPDATE delivery SET attempt_count = attempt_count + 1 WHERE tenant_id = :tenantId AND id = :id")
			.bind("tenantId", rows.tenantId().uuid())
			.bind("id", delivery)
			.fetch()
			.rowsUpdated()
			.block();
	}

	private String status(RelayRows rows, UUID delivery) {
		return this.database.sql("SELECT status FROM delivery WHERE tenant_id = :tenantId AND id = :id")
			.bind("tenantId", rows.tenantId().uuid())
			.bind("id", delivery)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

}
