package io.switchboard.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fair lease against PostgreSQL: the next due deliveries of each destination with
 * room, round-robin, each tenant within its room, and leases that outlive the longest
 * attempt. No worker runs in this context; queued deliveries of other tests' tenants are
 * paused first, so each lease sees only this test's.
 */
@SpringBootTest
class FairLeaseIntegrationTests {

	private static final LeaseTerm TERM = new LeaseTerm(Duration.ofSeconds(60), Duration.ofSeconds(25));

	private static final AtomicInteger OWNERS = new AtomicInteger();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DeliveryQueue queue;

	private QueueRows rows;

	@BeforeEach
	void leaveOnlyThisTestsDeliveriesQueued() throws Exception {
		this.rows = new QueueRows(this.context);
		this.rows.pauseEarlierDeliveries();
	}

	@Test
	void oneDestinationsOldBacklogDoesNotHoldBackTheOthers() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination busy = this.rows.createDestination(tenant);
		Destination quiet = this.rows.createDestination(tenant);
		Destination other = this.rows.createDestination(tenant);
		this.rows.seedDeliveries(busy, 100, 600); // due for ten minutes
		this.rows.seedDeliveries(quiet, 3, 1);
		this.rows.seedDeliveries(other, 3, 2);
		Map<DestinationId, Long> leased = lease(LeaseRoom.of(6, Set.of()));
		assertThat(leased).containsOnly(Map.entry(busy.id(), 2L), Map.entry(quiet.id(), 2L), Map.entry(other.id(), 2L));
	}

	@Test
	void roundRobinServesTheDestinationDueLongestFirst() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination older = this.rows.createDestination(tenant);
		Destination newer = this.rows.createDestination(tenant);
		this.rows.seedDeliveries(older, 5, 60);
		this.rows.seedDeliveries(newer, 5, 1);
		assertThat(lease(LeaseRoom.of(3, Set.of()))).containsOnly(Map.entry(older.id(), 2L), Map.entry(newer.id(), 1L));
	}

	@Test
	void destinationTakesNoMoreThanItsRoomAndUnknownOnesTheirInFlightLimit() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination full = this.rows.createDestination(tenant);
		Destination half = this.rows.createDestination(tenant);
		Destination unknown = this.rows.createDestination(tenant);
		Destination open = this.rows.createDestination(tenant);
		QueueRows.execute("UPDATE destination SET max_in_flight = 4 WHERE id = ?", unknown.id().uuid());
		for (Destination destination : List.of(full, half, unknown, open)) {
			this.rows.seedDeliveries(destination, 10, 5);
		}
		LeaseRoom room = new LeaseRoom(50, 50, Map.of(), Map.of(full.id(), 0, half.id(), 2), Set.of(open.id()));
		assertThat(lease(room)).containsOnly(Map.entry(half.id(), 2L), Map.entry(unknown.id(), 4L));
	}

	@Test
	void tenantTakesNoMoreThanItsRoom() throws Exception {
		TenantId big = this.rows.createTenant();
		TenantId small = this.rows.createTenant();
		Destination first = this.rows.createDestination(big);
		Destination second = this.rows.createDestination(big);
		Destination third = this.rows.createDestination(small);
		this.rows.seedDeliveries(first, 20, 30);
		this.rows.seedDeliveries(second, 20, 30);
		this.rows.seedDeliveries(third, 20, 1);
		assertThat(count(leased(new LeaseRoom(50, 3, Map.of(), Map.of(), Set.of())), LeasedDelivery::tenantId))
			.containsOnly(Map.entry(big, 3L), Map.entry(small, 3L));
		assertThat(count(leased(new LeaseRoom(50, 3, Map.of(big, 1, small, 0), Map.of(), Set.of())),
				LeasedDelivery::tenantId))
			.containsOnly(Map.entry(big, 1L));
	}

	@Test
	void leaseOutlivesTheLongestAttemptItsDestinationAllows() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination patient = this.rows.createDestination(tenant);
		Destination quick = this.rows.createDestination(tenant);
		QueueRows.execute("UPDATE destination SET timeout_ms = 60000 WHERE id = ?", patient.id().uuid());
		QueueRows.execute("UPDATE destination SET timeout_ms = 1000 WHERE id = ?", quick.id().uuid());
		this.rows.seedDeliveries(patient, 1, 1);
		this.rows.seedDeliveries(quick, 1, 1);
		lease(LeaseRoom.of(10, Set.of()));
		assertThat(QueueRows.query("SELECT round(extract(epoch FROM lease_expires_at - updated_at))::text FROM delivery"
				+ " WHERE destination_id = ?", patient.id().uuid()))
			.as("timeout 60 s + 25 s beyond it")
			.containsExactly("85");
		assertThat(QueueRows.query("SELECT round(extract(epoch FROM lease_expires_at - updated_at))::text FROM delivery"
				+ " WHERE destination_id = ?", quick.id().uuid()))
			.as("never shorter than the minimum")
			.containsExactly("60");
	}

	@Test
	void deliveriesNotYetDueOrLeasedElsewhereAreNotTaken() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination destination = this.rows.createDestination(tenant);
		this.rows.seedDeliveries(destination, 2, -60); // due in a minute
		assertThat(lease(LeaseRoom.of(10, Set.of()))).isEmpty();
		this.rows.seedDeliveries(destination, 3, 1);
		assertThat(lease(LeaseRoom.of(10, Set.of()))).containsOnly(Map.entry(destination.id(), 3L));
		assertThat(lease(LeaseRoom.of(10, Set.of()))).as("already leased").isEmpty();
	}

	@Test
	void deliveriesOfADestinationSwitchedOffAreNotTakenUntilItIsOnAgain() throws Exception {
		TenantId tenant = this.rows.createTenant();
		Destination destination = this.rows.createDestination(tenant);
		this.rows.seedDeliveries(destination, 2, 1);
		// switched off while these were leased: they came back pending, not paused
		QueueRows.execute("UPDATE destination SET enabled = false WHERE tenant_id = ? AND id = ?", tenant.uuid(),
				destination.id().uuid());
		assertThat(lease(LeaseRoom.of(10, Set.of()))).isEmpty();
		QueueRows.execute("UPDATE destination SET enabled = true WHERE tenant_id = ? AND id = ?", tenant.uuid(),
				destination.id().uuid());
		assertThat(lease(LeaseRoom.of(10, Set.of()))).containsOnly(Map.entry(destination.id(), 2L));
	}

	private Map<DestinationId, Long> lease(LeaseRoom room) {
		return count(leased(room), LeasedDelivery::destinationId);
	}

	private List<LeasedDelivery> leased(LeaseRoom room) {
		return this.queue.lease("fair-test/" + OWNERS.incrementAndGet(), room, TERM).collectList().block();
	}

	private static <K> Map<K, Long> count(List<LeasedDelivery> leased, Function<LeasedDelivery, K> key) {
		return leased.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
	}

}
