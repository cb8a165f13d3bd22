package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog to one destination with the default in-flight limit of 10 and a receiver that
 * answers at once drains completely, each delivery sent once; the rate is printed (a
 * shared build machine makes it a measurement, not a target).
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms",
				"switchboard.worker.reclaim-interval=500ms", "switchboard.worker.circuit-open-duration=2s" })
class DeliveryThroughputIntegrationTests {

	private static final int EVENTS = 2000;

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	private static long nextTransactionId(RelayFixture relay) throws Exception {
		return Long
			.parseLong(relay.query("SELECT txid_snapshot_xmax(txid_current_snapshot()) FROM tenant WHERE tenant_id = ?")
				.get(0));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Test
	void backlogToOneDestinationDrainsWithEachDeliverySentOnce() throws Exception {
		RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
		assertThat(relay.query("SELECT max_in_flight::text FROM destination WHERE tenant_id = ?"))
			.containsExactly("10");
		long firstXid = nextTransactionId(relay);
		long started = System.nanoTime();
		relay.storeEvents(EVENTS, "drain");
		await(() -> relay.query("SELECT count(*) FROM delivery WHERE tenant_id = ? AND status = 'delivered'")
			.equals(List.of(String.valueOf(EVENTS))));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		// every transaction that wrote (a lease, a deferral, a settle, a stored batch)
		// took a transaction id
		long writes = nextTransactionId(relay) - firstXid - EVENTS / 100;
		double deferrals = this.context.getBean(MeterRegistry.class)
			.find("switchboard.delivery.deferrals")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		System.out.printf(
				"Drained %d deliveries to one destination (max-in-flight 10) in %d ms: %.0f/s;"
						+ " %.0f deferrals in this context; %.2f write transactions per delivery%n",
				EVENTS, took.toMillis(), EVENTS * 1000.0 / took.toMillis(), deferrals, (double) writes / EVENTS);
		assertThat(this.receiver.received().stream().map((request) -> request.header("webhook-id")).distinct())
			.hasSize(EVENTS);
		assertThat(this.receiver.received()).hasSize(EVENTS);
		assertThat(this.receiver.maxConcurrent()).isLessThanOrEqualTo(10);
	}

}
