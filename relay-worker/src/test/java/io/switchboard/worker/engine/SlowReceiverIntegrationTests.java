package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.List;

import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant whose receiver answers only after 59 s, at the most a destination allows
 * (timeout 60 s, 1 000 in flight), holds no more than its share of a worker's slots:
 * another tenant's deliveries to a quick receiver all arrive promptly. Both receivers are
 * real HTTP servers on 127.0.0.1, the queue is the real PostgreSQL.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.reclaim-interval=500ms", "switchboard.worker.circuit-open-duration=2s" })
class SlowReceiverIntegrationTests {

	/** The default 64 slots, half of them at most for one tenant. */
	private static final int TENANT_CAP = 32;

	@Autowired
	private ApplicationContext context;

	private final TestReceiver slow = new TestReceiver();

	private final TestReceiver quick = new TestReceiver();

	private RelayFixture slowTenant;

	@AfterEach
	void stopReceivers() {
		if (this.slowTenant != null) {
			// its backlog pauses, so it does not go on in other tests' time
			this.context.getBean(DestinationRepository.class)
				.setEnabled(this.slowTenant.tenant.id(), this.slowTenant.destination.id(), false)
				.block();
		}
		this.slow.release();
		this.slow.close();
		this.quick.close();
	}

	@Test
	void slowReceiverAtMaximumSettingsLeavesEveryOtherTenantItsDeliveries() throws Exception {
		this.slowTenant = new RelayFixture(this.context, this.slow, "none");
		this.slowTenant.execute("UPDATE destination SET timeout_ms = 60000, max_in_flight = 1000 WHERE tenant_id = ?");
		this.slow.answerAfter(Duration.ofSeconds(59));
		this.slowTenant.storeEvents(300, "slow");
		await(() -> this.slow.received().size() >= TENANT_CAP);

		RelayFixture quickTenant = new RelayFixture(this.context, this.quick, "none");
		long started = System.nanoTime();
		quickTenant.storeEvents(200, "quick");
		await(() -> quickTenant.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'delivered'")
			.equals(List.of("200")));
		System.out.printf("200 deliveries of the quick tenant arrived in %d ms beside the slow one%n",
				Duration.ofNanos(System.nanoTime() - started).toMillis());

		assertThat(this.quick.received()).hasSize(200);
		assertThat(this.slow.received()).as("the slow receiver's requests are all still unanswered")
			.hasSizeLessThan(300);
		assertThat(this.slowTenant.query("SELECT max(held)::text FROM (SELECT count(*) AS held FROM delivery"
				+ " WHERE tenant_id = ? AND status = 'leased' GROUP BY split_part(lease_owner, '/', 1)) AS by_worker"))
			.as("no worker holds more than the tenant's share of its slots")
			.allSatisfy((held) -> assertThat(Integer.parseInt(held)).isLessThanOrEqualTo(TENANT_CAP));
		assertThat(this.slowTenant.query("SELECT min(extract(epoch FROM lease_expires_at - updated_at))::int::text"
				+ " FROM delivery WHERE tenant_id = ? AND status = 'leased'"))
			.as("leased beyond the longest attempt: connect 10 s + timeout 60 s + 5 s + margin 10 s")
			.containsExactly("85");
	}

}
