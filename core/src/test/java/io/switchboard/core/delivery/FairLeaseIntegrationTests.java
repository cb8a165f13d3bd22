package io.switchboard.core.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private DeliveryQueue queue;

	@BeforeEach
	void leaveOnlyThisTestsDeliveriesQueued() throws Exception {
		execute("UPDATE delivery SET status = 'paused' WHERE status IN ('pending', 'retrying')");
	}

	@Test
	void oneDestinationsOldBacklogDoesNotHoldBackTheOthers() throws Exception {
		TenantId tenant = tenant();
		Destination busy = destination(tenant);
		Destination quiet = destination(tenant);
		Destination other = destination(tenant);
		queue(busy, 100, 600); // due for ten minutes
		queue(quiet, 3, 1);
		queue(other, 3, 2);
		Map<DestinationId, Long> leased = lease(LeaseRoom.of(6, Set.of()));
		assertThat(leased).containsOnly(Map.entry(busy.id(), 2L), Map.entry(quiet.id(), 2L), Map.entry(other.id(), 2L));
	}

	@Test
	void roundRobinServesTheDestinationDueLongestFirst() throws Exception {
		TenantId tenant = tenant();
		Destination older = destination(tenant);
		Destination newer = destination(tenant);
		queue(older, 5, 60);
		queue(newer, 5, 1);
		assertThat(lease(LeaseRoom.of(3, Set.of()))).containsOnly(Map.entry(older.id(), 2L), Map.entry(newer.id(), 1L));
	}

	@Test
	void destinationTakesNoMoreThanItsRoomAndUnknownOnesTheirInFlightLimit() throws Exception {
		TenantId tenant = tenant();
		Destination full = destination(tenant);
		Destination half = destination(tenant);
		Destination unknown = destination(tenant);
		Destination open = destination(tenant);
		execute("UPDATE destination SET max_in_flight = 4 WHERE id = ?", unknown.id().uuid());
		for (Destination destination : List.of(full, half, unknown, open)) {
			queue(destination, 10, 5);
		}
		LeaseRoom room = new LeaseRoom(50, 50, Map.of(), Map.of(full.id(), 0, half.id(), 2), Set.of(open.id()));
		assertThat(lease(room)).containsOnly(Map.entry(half.id(), 2L), Map.entry(unknown.id(), 4L));
	}

	@Test
	void tenantTakesNoMoreThanItsRoom() throws Exception {
		TenantId big = tenant();
		TenantId small = tenant();
		Destination first = destination(big);
		Destination second = destination(big);
		Destination third = destination(small);
		queue(first, 20, 30);
		queue(second, 20, 30);
		queue(third, 20, 1);
		assertThat(count(leased(new LeaseRoom(50, 3, Map.of(), Map.of(), Set.of())), LeasedDelivery::tenantId))
			.containsOnly(Map.entry(big, 3L), Map.entry(small, 3L));
		assertThat(count(leased(new LeaseRoom(50, 3, Map.of(big, 1, small, 0), Map.of(), Set.of())),
				LeasedDelivery::tenantId))
			.containsOnly(Map.entry(big, 1L));
	}

	@Test
	void leaseOutlivesTheLongestAttemptItsDestinationAllows() throws Exception {
		TenantId tenant = tenant();
		Destination patient = destination(tenant);
		Destination quick = destination(tenant);
		execute("UPDATE destination SET timeout_ms = 60000 WHERE id = ?", patient.id().uuid());
		execute("UPDATE destination SET timeout_ms = 1000 WHERE id = ?", quick.id().uuid());
		queue(patient, 1, 1);
		queue(quick, 1, 1);
		lease(LeaseRoom.of(10, Set.of()));
		assertThat(query("SELECT round(extract(epoch FROM lease_expires_at - updated_at))::text FROM delivery"
				+ " WHERE destination_id = ?", patient.id().uuid()))
			.as("timeout 60 s + 25 s beyond it")
			.containsExactly("85");
		assertThat(query("SELECT round(extract(epoch FROM lease_expires_at - updated_at))::text FROM delivery"
				+ " WHERE destination_id = ?", quick.id().uuid()))
			.as("never shorter than the minimum")
			.containsExactly("60");
	}

	@Test
	void deliveriesNotYetDueOrLeasedElsewhereAreNotTaken() throws Exception {
		TenantId tenant = tenant();
		Destination destination = destination(tenant);
		queue(destination, 2, -60); // due in a minute
		assertThat(lease(LeaseRoom.of(10, Set.of()))).isEmpty();
		queue(destination, 3, 1);
		assertThat(lease(LeaseRoom.of(10, Set.of()))).containsOnly(Map.entry(destination.id(), 3L));
		assertThat(lease(LeaseRoom.of(10, Set.of()))).as("already leased").isEmpty();
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

	private TenantId tenant() {
		Tenant tenant = this.tenants.create("Fair lease").block();
		return tenant.id();
	}

	private Destination destination(TenantId tenant) {
		return this.destinations.create(tenant, "Receiver", DestinationKind.CUSTOM, "https://receiver.example.com/in")
			.block();
	}

	/**
	 * Queues deliveries to a destination, due for some seconds (negative: due later).
	 */
	private void queue(Destination destination, int count, int dueForSeconds) throws Exception {
		Source source = this.sources
			.create(destination.tenantId(), NewSource.of("MV " + UUID.randomUUID(), Provider.MINIVOICE, null))
			.block();
		execute("""
				WITH e AS (
					INSERT INTO event (tenant_id, id, source_id, dedup_key, body)
					SELECT ?, gen_random_uuid(), ?, gen_random_uuid()::text, '\\x7b7d'::bytea
					FROM generate_series(1, ?)
					RETURNING tenant_id, id, source_id)
				INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, next_attempt_at)
				SELECT e.tenant_id, gen_random_uuid(), e.id, gen_random_uuid(), ?, e.source_id,
					now() - make_interval(secs => ?)
				FROM e
				""", destination.tenantId().uuid(), source.id().uuid(), count, destination.id().uuid(), dueForSeconds);
	}

	private static void execute(String sql, Object... values) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.executeUpdate();
		}
	}

	private static List<String> query(String sql, Object... values) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				List<String> rows = new java.util.ArrayList<>();
				while (result.next()) {
					rows.add(result.getString(1));
				}
				return rows;
			}
		}
	}

}
