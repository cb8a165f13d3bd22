package io.switchboard.worker.engine;

import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.core.id.JobId;
import io.switchboard.core.job.Job;
import io.switchboard.core.job.Jobs;
import io.switchboard.core.job.ReplayFilter;
import io.switchboard.core.job.ReplayJobs;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background jobs run by the worker: a bulk replay in small batches with its progress, a
 * destination's test send, and the circuit state workers report for the API.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.replay-batch-size=7", "switchboard.worker.circuit-open-duration=300ms" })
class JobRunnerIntegrationTests {

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	private RelayFixture relay;

	@BeforeEach
	void createRelay() throws Exception {
		this.relay = new RelayFixture(this.context, this.receiver, "none");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void bulkReplayTakesEveryDeadDeliveryInBatchesAndReportsProgress() throws Exception {
		this.relay.execute("UPDATE destination SET retry_delays_ms = '{}' WHERE tenant_id = ?");
		this.receiver.answer(503);
		for (int i = 0; i < 12; i++) {
			this.relay.storeEvent("call.completed", "call_" + i, "bulk-" + i);
		}
		this.relay.awaitAll(12, "dead");
		await(() -> this.relay.query("SELECT circuit_state FROM destination WHERE tenant_id = ?")
			.equals(List.of("open")));
		this.receiver.answer(200);
		Job job = this.context.getBean(ReplayJobs.class)
			.start(this.relay.tenant.id(),
					new ReplayFilter(null, this.relay.destination.id().toString(), null, null, null, null, null),
					"usr_test")
			.block();
		assertThat(job.total()).isEqualTo(12);
		JobId id = job.id();
		Jobs jobs = this.context.getBean(Jobs.class);
		await(() -> jobs.find(this.relay.tenant.id(), id).block().ended());
		Job finished = jobs.find(this.relay.tenant.id(), id).block();
		assertThat(finished.status()).isEqualTo("finished");
		assertThat(finished.done()).isEqualTo(12);
		assertThat(finished.failed()).isZero();
		this.relay.awaitAll(12, "delivered");
		assertThat(this.relay.query("SELECT DISTINCT series || ' ' || trigger FROM delivery_attempt"
				+ " WHERE tenant_id = ? AND outcome = 'delivered'"))
			.containsExactly("2 manual");
		await(() -> this.relay.query("SELECT circuit_state FROM destination WHERE tenant_id = ?")
			.equals(List.of("closed")));
	}

	@Test
	void bulkReplayWaitsWhileItsDeliveriesAreDueAndUnsent() throws Exception {
		// dead without 70 failed attempts: stored while the destination is
		// off, then marked
		this.relay.execute("UPDATE destination SET enabled = false WHERE tenant_id = ?");
		int total = 70;
		for (int i = 0; i < total; i++) {
			this.relay.storeEvent("call.completed", "call_" + i, "paced-" + i);
		}
		this.relay.execute("UPDATE delivery SET status = 'dead', finished_at = now() WHERE tenant_id = ?");
		this.relay.execute("UPDATE destination SET enabled = true WHERE tenant_id = ?");
		this.receiver.hold();
		try {
			Job job = this.context.getBean(ReplayJobs.class)
				.start(this.relay.tenant.id(),
						new ReplayFilter(null, this.relay.destination.id().toString(), null, null, null, null, null),
						"usr_test")
				.block();
			Jobs jobs = this.context.getBean(Jobs.class);
			await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().done() > 0);
			Thread.sleep(1500); // fifteen polls of the lane
			Job held = jobs.find(this.relay.tenant.id(), job.id()).block();
			assertThat(held.ended()).isFalse();
			// at most the batches left due, one more batch, and the
			// destination's 10 in flight
			assertThat(held.done()).isPositive().isLessThanOrEqualTo((ReplayJobs.QUEUED_BATCHES + 1) * 7 + 10);
			this.receiver.release();
			await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().ended());
			assertThat(jobs.find(this.relay.tenant.id(), job.id()).block().done()).isEqualTo(total);
			this.relay.awaitAll(total, "delivered");
		}
		finally {
			this.receiver.release();
		}
	}

	@Test
	void aDestinationThatIsDownHoldsBackNoReplay() throws Exception {
		// 60 deliveries stored while the destination is off; 14 of them dead
		this.relay.execute("UPDATE destination SET enabled = false WHERE tenant_id = ?");
		for (int i = 0; i < 60; i++) {
			this.relay.storeEvent("call.completed", "call_" + i, "down-" + i);
		}
		this.relay.execute("UPDATE delivery SET status = 'dead', finished_at = now() WHERE tenant_id = ? AND id IN"
				+ " (SELECT d.id FROM delivery d WHERE d.tenant_id = delivery.tenant_id ORDER BY d.id LIMIT 14)");
		// the destination is down: its circuit open, its receiver holding what it got,
		// the other 46 due and waiting
		this.receiver.hold();
		try {
			this.relay.execute("UPDATE destination SET enabled = true, circuit_state = 'open' WHERE tenant_id = ?");
			this.relay.execute("UPDATE delivery SET status = 'pending', next_attempt_at = now()"
					+ " WHERE tenant_id = ? AND status = 'paused'");
			await(() -> this.relay.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'leased'")
				.equals(List.of("10")));
			Job job = this.context.getBean(ReplayJobs.class)
				.start(this.relay.tenant.id(), new ReplayFilter("dead", null, null, null, null, null, null), "usr_test")
				.block();
			Jobs jobs = this.context.getBean(Jobs.class);
			await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().ended());
			assertThat(jobs.find(this.relay.tenant.id(), job.id()).block().done()).isEqualTo(14);
			this.relay.execute("UPDATE destination SET circuit_state = 'closed' WHERE tenant_id = ?");
			this.receiver.release();
			this.relay.awaitAll(60, "delivered");
		}
		finally {
			this.receiver.release();
		}
	}

	@Test
	void bulkReplayLeavesOutDeliveriesThatAreNotFinished() throws Exception {
		this.relay.execute("UPDATE destination SET enabled = false WHERE tenant_id = ?");
		this.relay.storeEvent("call.completed", "call_1", "paused");
		Job job = this.context.getBean(ReplayJobs.class)
			.start(this.relay.tenant.id(), new ReplayFilter("dead", null, null, null, null, null, null), "usr_test")
			.block();
		assertThat(job.total()).isZero();
		Jobs jobs = this.context.getBean(Jobs.class);
		await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().ended());
		assertThat(jobs.find(this.relay.tenant.id(), job.id()).block().done()).isZero();
		assertThat(this.relay.statuses()).containsExactly("paused");
	}

	@Test
	void testSendReachesTheReceiverSignedAndIsLoggedAsATestAttempt() throws Exception {
		Jobs jobs = this.context.getBean(Jobs.class);
		Job job = jobs
			.create(this.relay.tenant.id(), JobId.generate(), Job.DESTINATION_TEST,
					"{\"destinationId\":\"" + this.relay.destination.id() + "\"}", 1, "usr_test")
			.block();
		await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().ended());
		Job finished = jobs.find(this.relay.tenant.id(), job.id()).block();
		assertThat(finished.status()).isEqualTo("finished");
		JsonNode result = JsonMapper.builder().build().readTree(finished.result());
		assertThat(result.path("outcome").asString()).isEqualTo("delivered");
		assertThat(result.path("responseStatus").asInt()).isEqualTo(200);
		TestReceiver.Received request = this.receiver.received().get(0);
		assertThat(request.header("switchboard-test")).isEqualTo("true");
		assertThat(request.body()).contains("\"event\": \"call.completed\"");
		new Webhook(this.relay.destination.signingSecret()).verify(request.body(), request.headers());
		assertThat(this.relay.query("SELECT trigger || ' ' || outcome || ' ' || (delivery_id IS NULL)"
				+ " FROM delivery_attempt WHERE tenant_id = ?"))
			.containsExactly("test delivered true");
		assertThat(result.path("attemptId").asString()).startsWith("att_");
		assertThat(this.relay.statuses()).as("a test send makes no delivery").isEmpty();
	}

	@Test
	void testSendToADestinationThatIsGoneFails() throws Exception {
		Jobs jobs = this.context.getBean(Jobs.class);
		this.relay.execute("UPDATE destination SET deleted_at = now() WHERE tenant_id = ?");
		Job job = jobs
			.create(this.relay.tenant.id(), JobId.generate(), Job.DESTINATION_TEST,
					"{\"destinationId\":\"" + this.relay.destination.id() + "\"}", 1, "usr_test")
			.block();
		await(() -> jobs.find(this.relay.tenant.id(), job.id()).block().ended());
		Job failed = jobs.find(this.relay.tenant.id(), job.id()).block();
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.error()).contains("no longer exists");
		assertThat(this.receiver.received()).isEmpty();
		assertThat(Map.of("failed", failed.failed())).containsEntry("failed", 1L);
	}

}
