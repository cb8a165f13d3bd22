package io.switchboard.core.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.RelayRows;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries gone dead open one {@code deliveries-dead} issue per destination, however
 * often the scan runs; a success older than the issue does not resolve it, a success
 * after it does (found by reading the destination's attempts backwards from the newest,
 * not its whole history).
 */
@SpringBootTest
class DeadDeliveriesIssueIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private Issues issues;

	@Test
	void deadDeliveriesOpenOneIssueThatOnlyALaterSuccessResolves() throws Exception {
		RelayRows rows = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		IssueScan scan = new IssueScan(this.database, Duration.ofMinutes(5), Duration.ofMinutes(10), 5);
		UUID earlier = rows.delivery(rows.event(Instant.now().minus(Duration.ofHours(2))), "delivered");
		rows.attempt(earlier, Instant.now().minus(Duration.ofHours(2)), 20);
		for (int i = 0; i < 3; i++) {
			UUID dead = rows.delivery(rows.event(Instant.now()), "dead");
			rows.update("UPDATE delivery SET finished_at = now(), last_response_status = 500 WHERE tenant_id = ?"
					+ " AND status = 'dead'");
			assertThat(dead).isNotNull();
		}

		scan.runOnce().block();
		scan.runOnce().block();
		List<Issue> open = this.issues.list(rows.tenantId(), "open", 10).collectList().block();
		assertThat(open).extracting(Issue::kind).containsExactly("deliveries-dead");
		assertThat(open.get(0).summary()).contains("3 deliveries that went dead").contains("500");

		scan.runOnce().block();
		assertThat(this.issues.list(rows.tenantId(), "open", 10).collectList().block())
			.as("the success before the issue opened does not resolve it")
			.hasSize(1);

		UUID later = rows.delivery(rows.event(Instant.now()), "delivered");
		rows.attempt(later, Instant.now(), 20);
		scan.runOnce().block();
		assertThat(this.issues.list(rows.tenantId(), "open", 10).collectList().block()).isEmpty();
		assertThat(this.issues.list(rows.tenantId(), "resolved", 10).blockFirst().resolution())
			.contains("succeeded again");
	}

}
