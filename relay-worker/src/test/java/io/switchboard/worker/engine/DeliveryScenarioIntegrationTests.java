package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.r2dbc.spi.ConnectionFactory;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.core.delivery.LeaseRoom;
import io.switchboard.core.delivery.LeaseTerm;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import io.switchboard.worker.guard.DestinationGuards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker under the conditions receivers and crashes bring: Retry-After, timeouts, a
 * second worker on the same queue, a worker that died holding leases, per-call ordering.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.reclaim-interval=500ms", "switchboard.worker.circuit-open-duration=2s" })
class DeliveryScenarioIntegrationTests {

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void rateLimitedAttemptWaitsForRetryAfter() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		this.receiver.answer(429, Map.of("Retry-After", "2"));
		relay.storeEvent("call.completed", "call_1", "429");
		await(() -> this.receiver.received().size() == 1);
		this.receiver.answer(200);
		await(() -> relay.statuses().equals(List.of("delivered")));
		long gap = this.receiver.received().get(1).atNanos() - this.receiver.received().get(0).atNanos();
		assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		assertThat(relay.attempts()).containsExactly("1 failed 429", "2 delivered 200");
	}

	@Test
	void attemptThatTimesOutIsRetried() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		relay.execute("UPDATE destination SET timeout_ms = 300 WHERE tenant_id = ?");
		this.receiver.answerAfter(Duration.ofSeconds(2));
		relay.storeEvent("call.completed", "call_1", "slow");
		await(() -> relay.attempts().size() == 1);
		this.receiver.answerAfter(Duration.ZERO);
		await(() -> relay.statuses().equals(List.of("delivered")));
		assertThat(relay.attempts().get(0)).isEqualTo("1 failed -");
		assertThat(
				relay.query("SELECT error_class FROM delivery_attempt WHERE tenant_id = ? ORDER BY id LIMIT 1").get(0))
			.isNotBlank();
	}

	@Test
	void twoWorkersOnOneQueueDeliverEveryEventExactlyOnce() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		DeliveryEngine second = new DeliveryEngine(this.context.getBean(DeliveryQueue.class),
				this.context.getBean(DeliveryAttempt.class), this.context.getBean(DestinationGuards.class),
				this.context.getBean(WorkerProperties.class), this.context.getBean(ConnectionFactory.class));
		second.start();
		try {
			IntStream.range(0, 200).parallel().forEach((i) -> relay.storeEvent("call.completed", "call_" + i, "n" + i));
			await(() -> relay.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'delivered'")
				.equals(List.of("200")));
		}
		finally {
			second.stop();
		}
		List<String> ids = this.receiver.received().stream().map((request) -> request.header("webhook-id")).toList();
		assertThat(ids).hasSize(200).doesNotHaveDuplicates();
		assertThat(relay.query("SELECT count(*) FROM delivery_attempt WHERE tenant_id = ?")).containsExactly("200");
	}

	@Test
	void leasesOfAWorkerThatDiedAreTakenBackAndDelivered() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		relay.execute("UPDATE delivery SET status = 'paused' WHERE status IN ('pending', 'retrying')"
				+ " AND tenant_id <> ?"); // other tests' leftovers stay out of this lease
		DeliveryQueue queue = this.context.getBean(DeliveryQueue.class);
		DeliveryEngine engine = this.context.getBean(DeliveryEngine.class);
		engine.stop();
		try {
			relay.storeEvent("call.completed", "call_1", "orphan-1");
			relay.storeEvent("call.completed", "call_2", "orphan-2");
			// another worker leases them and dies before sending
			relay.execute("UPDATE destination SET timeout_ms = 200 WHERE tenant_id = ?");
			LeaseTerm shortLease = new LeaseTerm(Duration.ofMillis(700), Duration.ofMillis(300));
			assertThat(queue.lease("dead-worker/1", LeaseRoom.of(10, Set.of()), shortLease).count().block())
				.isEqualTo(2);
			assertThat(relay.statuses()).containsExactly("leased", "leased");
		}
		finally {
			engine.start();
		}
		await(() -> relay.statuses().equals(List.of("delivered", "delivered")));
		assertThat(this.receiver.received()).hasSize(2);
	}

	@Test
	void perCallOrderingHoldsUnderRetries() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "per-call");
		this.receiver.answer(500);
		relay.storeEvent("call.created", "call_7", "created");
		relay.storeEvent("call.completed", "call_7", "completed");
		await(() -> this.receiver.received().size() >= 2);
		this.receiver.answer(200);
		await(() -> relay.statuses().equals(List.of("delivered", "delivered")));
		List<String> bodies = this.receiver.received().stream().map(TestReceiver.Received::body).toList();
		int lastCreated = lastIndex(bodies, "created");
		int firstCompleted = bodies.indexOf(bodies.stream().filter((b) -> b.endsWith("completed")).findFirst().get());
		assertThat(firstCompleted).as("call.completed is sent only once call.created is delivered")
			.isGreaterThan(lastCreated);
	}

	@Test
	void openCircuitDefersDeliveriesWithoutUsingAttempts() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		relay.execute("UPDATE destination SET retry_delays_ms = array_fill(100, ARRAY[20]) WHERE tenant_id = ?");
		this.receiver.answer(500);
		for (int i = 0; i < 3; i++) {
			relay.storeEvent("call.completed", "call_" + i, "circuit-" + i);
		}
		await(() -> this.receiver.received().size() >= 5);
		// the circuit is open (5 failures): for a while no request reaches the receiver,
		// yet
		// nothing is dead and no attempt is used up. Absence can only be watched for a
		// time.
		int seen = this.receiver.received().size();
		Thread.sleep(1200);
		assertThat(this.receiver.received().size()).isLessThanOrEqualTo(seen + 1);
		assertThat(relay.statuses()).doesNotContain("dead");
		assertThat(relay.query("SELECT sum(attempt_count)::text FROM delivery WHERE tenant_id = ?"))
			.containsExactly(Integer.toString(relay.attempts().size()));
		this.receiver.answer(200);
		await(() -> relay.statuses().equals(List.of("delivered", "delivered", "delivered")));
	}

	@Test
	void bulkheadKeepsASlowReceiverToItsShareWhileAHealthyOneStaysFast() throws Exception {
		RelayFixture slow = new RelayFixture(this.context, this.receiver, "none");
		slow.execute("UPDATE destination SET max_in_flight = 2 WHERE tenant_id = ?");
		this.receiver.answerAfter(Duration.ofMillis(800));
		try (TestReceiver healthyReceiver = new TestReceiver()) {
			RelayFixture healthy = new RelayFixture(this.context, healthyReceiver, "none");
			for (int i = 0; i < 6; i++) {
				slow.storeEvent("call.completed", "call_" + i, "slow-" + i);
			}
			long started = System.nanoTime();
			for (int i = 0; i < 6; i++) {
				healthy.storeEvent("call.completed", "call_" + i, "fast-" + i);
			}
			await(() -> healthy.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'delivered'")
				.equals(List.of("6")));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			await(() -> slow.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'delivered'")
				.equals(List.of("6")));
			assertThat(this.receiver.maxConcurrent()).isLessThanOrEqualTo(2);
			assertThat(slow.attempts()).hasSize(6);
		}
	}

	private static int lastIndex(List<String> bodies, String suffix) {
		for (int i = bodies.size() - 1; i >= 0; i--) {
			if (bodies.get(i).endsWith(suffix)) {
				return i;
			}
		}
		return -1;
	}

}
