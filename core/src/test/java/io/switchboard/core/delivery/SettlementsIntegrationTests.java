package io.switchboard.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many finished attempts settled in one transaction against PostgreSQL: each delivery
 * gets its own new state and attempt row; one whose lease was lost keeps its new holder's
 * state but its attempt is still logged.
 */
@SpringBootTest
class SettlementsIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DeliveryQueue queue;

	@Autowired
	private Settlements settlements;

	@Test
	void batchOfAttemptsSettlesEachDeliveryInOneTransaction() throws Exception {
		QueueRows rows = new QueueRows(this.context);
		rows.pauseEarlierDeliveries();
		TenantId tenant = rows.createTenant();
		Destination destination = rows.createDestination(tenant);
		rows.seedDeliveries(destination, 4, 1);
		List<LeasedDelivery> leased = this.queue
			.lease("settle-test/1", LeaseRoom.of(10, Set.of()),
					new LeaseTerm(Duration.ofSeconds(60), Duration.ofSeconds(15)))
			.collectList()
			.block();
		assertThat(leased).hasSize(4);
		// the last one's lease expired and another worker took it meanwhile
		QueueRows.execute("UPDATE delivery SET lease_owner = 'other-worker/9' WHERE id = ?", leased.get(3).id().uuid());
		Instant retryAt = Instant.now().plusSeconds(300);
		List<Boolean> held = this.settlements
			.settle(List.of(new Settlement(leased.get(0), attempt(200), NextState.delivered()),
					new Settlement(leased.get(1), attempt(503), NextState.retryAt(retryAt)),
					new Settlement(leased.get(2), attempt(400), NextState.dead()),
					new Settlement(leased.get(3), attempt(200), NextState.delivered())))
			.block();
		assertThat(held).containsExactly(true, true, true, false);
		assertThat(statusOf(leased.get(0))).isEqualTo("delivered 1 200 finished");
		assertThat(statusOf(leased.get(1))).isEqualTo("retrying 1 503 open");
		assertThat(statusOf(leased.get(2))).isEqualTo("dead 1 400 finished");
		assertThat(statusOf(leased.get(3))).as("left to its new holder").isEqualTo("leased 0 - open");
		assertThat(QueueRows.query("SELECT count(*)::text FROM delivery_attempt WHERE destination_id = ?",
				destination.id().uuid()))
			.containsExactly("4");
		assertThat(QueueRows.query(
				"SELECT abs(extract(epoch FROM next_attempt_at - ?::timestamptz)) < 1" + " FROM delivery WHERE id = ?",
				java.sql.Timestamp.from(retryAt), leased.get(1).id().uuid()))
			.containsExactly("t");
	}

	@Test
	void receiverThatIsGoneSwitchesItsDestinationOffInTheSettlesTransaction() throws Exception {
		QueueRows rows = new QueueRows(this.context);
		rows.pauseEarlierDeliveries();
		TenantId tenant = rows.createTenant();
		Destination destination = rows.createDestination(tenant);
		rows.seedDeliveries(destination, 3, 1);
		LeasedDelivery leased = this.queue
			.lease("settle-test/2", LeaseRoom.of(1, Set.of()),
					new LeaseTerm(Duration.ofSeconds(60), Duration.ofSeconds(15)))
			.blockFirst();
		List<Boolean> held = this.settlements
			.settle(List.of(new Settlement(leased, attempt(410), NextState.paused(), "gone for good")))
			.block();
		assertThat(held).containsExactly(true);
		assertThat(QueueRows.query("SELECT enabled || ' ' || disabled_reason FROM destination WHERE id = ?",
				destination.id().uuid()))
			.containsExactly("false gone for good");
		assertThat(QueueRows.query("SELECT status FROM delivery WHERE destination_id = ?", destination.id().uuid()))
			.as("the attempted one and those waiting")
			.containsOnly("paused")
			.hasSize(3);
	}

	@Test
	void deliveryPastItsMaxAgeSettlesDeadWithoutAnAttempt() throws Exception {
		QueueRows rows = new QueueRows(this.context);
		rows.pauseEarlierDeliveries();
		TenantId tenant = rows.createTenant();
		Destination destination = rows.createDestination(tenant);
		rows.seedDeliveries(destination, 1, 1);
		QueueRows.execute("UPDATE delivery SET created_at = now() - interval '4 days' WHERE destination_id = ?",
				destination.id().uuid());
		LeasedDelivery leased = this.queue
			.lease("settle-test/3", LeaseRoom.of(1, Set.of()),
					new LeaseTerm(Duration.ofSeconds(60), Duration.ofSeconds(15)))
			.blockFirst();
		assertThat(leased.target().retry().maxAge()).as("the default").isEqualTo(Duration.ofDays(3));
		assertThat(leased.outlived(Instant.now())).isTrue();
		List<Boolean> held = this.settlements.settle(List.of(Settlement.outlived(leased))).block();
		assertThat(held).containsExactly(true);
		assertThat(statusOf(leased)).isEqualTo("dead 0 - finished");
		assertThat(QueueRows.query("SELECT last_error FROM delivery WHERE id = ?", leased.id().uuid()))
			.containsExactly("max-age-exceeded");
		assertThat(QueueRows.query("SELECT count(*)::text FROM delivery_attempt WHERE destination_id = ?",
				destination.id().uuid()))
			.containsExactly("0");
	}

	private static String statusOf(LeasedDelivery delivery) throws Exception {
		return QueueRows
			.query("SELECT status || ' ' || attempt_count || ' ' || coalesce(last_response_status::text, '-') || ' '"
					+ " || CASE WHEN finished_at IS NULL THEN 'open' ELSE 'finished' END FROM delivery WHERE id = ?",
					delivery.id().uuid())
			.get(0);
	}

	private static AttemptRecord attempt(int status) {
		return new AttemptRecord("scheduled", status == 200, Instant.now(), 3, Map.of("user-agent", "test"), status,
				Map.of("content-type", "text/plain"), "ok".getBytes(), null, null);
	}

}
