package io.switchboard.core.job;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.core.id.JobId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job lanes take turns per tenant against PostgreSQL: a tenant with many jobs, or one job
 * handed back between its batches, does not hold back another tenant's. No worker runs in
 * this context; other tests' open jobs are ended first.
 */
@SpringBootTest
class FairJobClaimIntegrationTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@Autowired
	private Jobs jobs;

	@Autowired
	private TenantRepository tenants;

	@BeforeEach
	void endOtherTestsJobs() throws Exception {
		try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE job SET status = 'finished', lease_owner = NULL, lease_expires_at = NULL"
					+ " WHERE status IN ('queued', 'running')");
		}
	}

	@Test
	void jobHandedBackBetweenBatchesLetsAnotherTenantsJobGoNext() {
		TenantId busy = this.tenants.create("Busy").block().id();
		TenantId other = this.tenants.create("Other").block().id();
		JobId first = create(busy);
		JobId second = create(busy);
		JobId others = create(other);
		List<JobId> order = new ArrayList<>();
		for (int turn = 0; turn < 4; turn++) {
			Job claimed = this.jobs.claim(Job.REPLAY, "fair-test", LEASE).block();
			order.add(claimed.id());
			assertThat(this.jobs.handBack(claimed).block()).isTrue();
		}
		assertThat(order).as("the tenants take turns").containsExactly(first, others, second, others);
	}

	@Test
	void tenantWithManyQueuedTestSendsDoesNotHoldBackAnotherTenantsOne() {
		TenantId busy = this.tenants.create("Busy").block().id();
		TenantId other = this.tenants.create("Other").block().id();
		for (int i = 0; i < 5; i++) {
			this.jobs.create(busy, JobId.generate(), Job.DESTINATION_TEST, "{}", 1, "test").block();
		}
		JobId others = this.jobs.create(other, JobId.generate(), Job.DESTINATION_TEST, "{}", 1, "test").block().id();
		Job first = this.jobs.claim(Job.DESTINATION_TEST, "fair-test", LEASE).block();
		Job second = this.jobs.claim(Job.DESTINATION_TEST, "fair-test", LEASE).block();
		assertThat(first.tenantId()).isEqualTo(busy);
		assertThat(second.id()).as("while the busy tenant's first is running").isEqualTo(others);
	}

	private JobId create(TenantId tenant) {
		return this.jobs.create(tenant, JobId.generate(), Job.REPLAY, "{}", 10, "test").block().id();
	}

}
