package io.switchboard.core.delivery;

import java.util.List;
import java.util.UUID;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements built from the transitions, against PostgreSQL: each moves only the
 * deliveries in the statuses its transition leaves, and leaves every other as it was.
 */
@SpringBootTest
class DeliveryTransitionsIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DeliveryPauses pauses;

	@Autowired
	private DeliveryReplays replays;

	@Test
	void pauseResumeAndReplayMoveOnlyTheStatusesTheirTransitionLeaves() throws Exception {
		QueueRows rows = new QueueRows(this.context);
		TenantId tenant = rows.createTenant();
		Destination destination = rows.createDestination(tenant);
		rows.seedDeliveries(destination, 6, 1);
		QueueRows.execute("""
				WITH numbered AS (
					SELECT id, row_number() OVER (ORDER BY id) AS n FROM delivery WHERE destination_id = ?)
				UPDATE delivery d
				SET status = (ARRAY['pending', 'retrying', 'leased', 'paused', 'delivered', 'dead'])[numbered.n],
					attempt_count = CASE WHEN numbered.n = 1 THEN 0 ELSE 1 END,
					lease_owner = CASE WHEN numbered.n = 3 THEN 'other-worker/1' END,
					lease_expires_at = CASE WHEN numbered.n = 3 THEN now() + interval '1 minute' END
				FROM numbered WHERE d.id = numbered.id
				""", destination.id().uuid());
		assertThat(statuses(destination)).containsExactly("pending", "retrying", "leased", "paused", "delivered",
				"dead");

		assertThat(this.pauses.pause(tenant, destination.id()).block()).isEqualTo(2);
		assertThat(statuses(destination)).containsExactly("paused", "paused", "leased", "paused", "delivered", "dead");

		assertThat(this.pauses.resume(tenant, destination.id()).block()).isEqualTo(3);
		assertThat(statuses(destination)).containsExactly("pending", "retrying", "leased", "retrying", "delivered",
				"dead");

		List<DeliveryId> all = QueueRows
			.query("SELECT id::text FROM delivery WHERE destination_id = ? ORDER BY id", destination.id().uuid())
			.stream()
			.map((id) -> new DeliveryId(UUID.fromString(id)))
			.toList();
		assertThat(this.replays.replayAll(tenant, all).block()).isEqualTo(2);
		assertThat(statuses(destination)).containsExactly("pending", "retrying", "leased", "retrying", "pending",
				"pending");
	}

	private static List<String> statuses(Destination destination) throws Exception {
		return QueueRows.query("SELECT status FROM delivery WHERE destination_id = ? ORDER BY id",
				destination.id().uuid());
	}

}
