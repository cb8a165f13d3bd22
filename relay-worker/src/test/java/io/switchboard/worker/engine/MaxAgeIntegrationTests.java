package io.switchboard.worker.engine;

import java.util.List;
import java.util.UUID;

import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination's max age: a delivery older than it goes dead unsent, one whose next
 * retry would come after it goes dead after its attempt, and a replay gets a max age of
 * its own.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.worker.poll-interval=100ms" })
class MaxAgeIntegrationTests {

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	private RelayFixture relay;

	@BeforeEach
	void createRelay() throws Exception {
		this.relay = new RelayFixture(this.context, this.receiver, "none");
		this.relay.execute("UPDATE destination SET max_age_seconds = 60 WHERE tenant_id = ?");
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void deliveryOlderThanItsMaxAgeGoesDeadUnsentAndAReplayIsDelivered() throws Exception {
		DestinationRepository destinations = this.context.getBean(DestinationRepository.class);
		destinations.setEnabled(this.relay.tenant.id(), this.relay.destination.id(), false).block();
		this.relay.storeEvent("call.completed", "call_1", "old");
		assertThat(this.relay.statuses()).containsExactly("paused");
		// paused for longer than its max age, then switched on again
		this.relay.execute("UPDATE delivery SET created_at = now() - interval '2 minutes' WHERE tenant_id = ?");
		destinations.setEnabled(this.relay.tenant.id(), this.relay.destination.id(), true).block();
		await(() -> this.relay.statuses().equals(List.of("dead")));
		assertThat(this.relay.query("SELECT attempt_count || ' ' || last_error || ' ' || (finished_at IS NOT NULL)"
				+ " FROM delivery WHERE tenant_id = ?"))
			.containsExactly("0 max-age-exceeded true");
		assertThat(this.relay.attempts()).isEmpty();
		assertThat(this.receiver.received()).isEmpty();
		DeliveryId id = new DeliveryId(
				UUID.fromString(this.relay.query("SELECT id::text FROM delivery WHERE tenant_id = ?").get(0)));
		assertThat(this.context.getBean(DeliveryReplays.class).replay(this.relay.tenant.id(), id).block().replayed())
			.isTrue();
		await(() -> this.relay.statuses().equals(List.of("delivered")));
		assertThat(this.relay.attempts()).containsExactly("1 delivered 200");
	}

	@Test
	void retryThatWouldComeAfterTheMaxAgeMakesTheDeliveryDeadAtOnce() throws Exception {
		this.relay.execute("UPDATE destination SET retry_delays_ms = '{120000}' WHERE tenant_id = ?");
		this.receiver.answer(503);
		this.relay.storeEvent("call.completed", "call_1", "late");
		await(() -> this.relay.statuses().equals(List.of("dead")));
		assertThat(this.relay.query("SELECT attempt_count || ' ' || last_error FROM delivery WHERE tenant_id = ?"))
			.containsExactly("1 max-age-exceeded after HTTP 503");
		assertThat(this.relay.attempts()).containsExactly("1 failed 503");
	}

}
