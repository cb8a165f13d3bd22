package io.switchboard.core.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.route.Route;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge against a real PostgreSQL: old history goes in batches with its deliveries
 * and attempts; an event with a delivery still on its way stays; a tenant's own retention
 * wins; a row another transaction holds is skipped, not waited for.
 */
@SpringBootTest(properties = "switchboard.retention.enabled=false")
class RetentionPurgeIntegrationTests {

	private static final Instant NOW = Instant.now();

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private RetentionPurge purge;

	@Test
	void oldFinishedHistoryIsPurgedInBatchesAndUnfinishedDeliveriesStay() throws Exception {
		Relay relay = relay(null);
		for (int i = 0; i < 7; i++) {
			UUID event = relay.event(days(40));
			relay.attempt(relay.delivery(event, "delivered"), days(40));
			relay.attempt(relay.delivery(event, "dead"), days(40));
		}
		UUID retrying = relay.event(days(40));
		relay.delivery(retrying, "delivered");
		relay.delivery(retrying, "retrying");
		UUID paused = relay.event(days(40));
		relay.delivery(paused, "paused");
		UUID recent = relay.event(days(10));
		relay.delivery(recent, "delivered");
		relay.testAttempt(days(40));
		relay.testAttempt(days(1));

		long purged = job(3).purgeTenant(relay.tenantId, NOW.minus(Duration.ofDays(30))).block();

		assertThat(purged).isEqualTo(7);
		assertThat(relay.count("event")).isEqualTo(3);
		assertThat(relay.events()).containsExactlyInAnyOrder(retrying, paused, recent);
		assertThat(relay.count("delivery")).as("a finished delivery beside an unfinished one stays with its event")
			.isEqualTo(4);
		assertThat(relay.count("delivery_attempt")).as("attempts of purged deliveries and the old test send")
			.isEqualTo(1);
	}

	@Test
	void aTenantsOwnRetentionWins() throws Exception {
		Relay keepsFive = relay(5);
		UUID tenDaysOld = keepsFive.event(days(10));
		keepsFive.delivery(tenDaysOld, "delivered");
		UUID yesterday = keepsFive.event(days(1));
		Relay keepsDefault = relay(null);
		keepsDefault.delivery(keepsDefault.event(days(10)), "delivered");

		RetentionJob job = job(100);
		job.runOnce().block();

		assertThat(keepsFive.events()).containsExactly(yesterday);
		assertThat(keepsDefault.count("event")).isEqualTo(1);
	}

	@Test
	void aLockedEventIsSkippedNotWaitedFor() throws Exception {
		Relay relay = relay(null);
		UUID locked = relay.event(days(40));
		UUID free = relay.event(days(40));
		try (Connection holder = TestDatabase.get().connect()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("SELECT 1 FROM event WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
				lock.setObject(1, relay.tenantId.uuid());
				lock.setObject(2, locked);
				lock.executeQuery().close();
			}
			long started = System.nanoTime();
			Long purged = this.purge.purgeEvents(relay.tenantId, NOW.minus(Duration.ofDays(30)), 10)
				.block(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(purged).isEqualTo(1);
			assertThat(relay.events()).containsExactly(locked);
			holder.rollback();
		}
		assertThat(this.purge.purgeEvents(relay.tenantId, NOW.minus(Duration.ofDays(30)), 10).block()).isEqualTo(1);
		assertThat(relay.count("event")).isZero();
		assertThat(free).isNotEqualTo(locked);
	}

	private RetentionJob job(int batchSize) {
		return new RetentionJob(this.purge, new RetentionProperties(30, Duration.ofMinutes(10), batchSize, true));
	}

	private Relay relay(Integer retentionDays) throws Exception {
		Tenant tenant = this.tenants.create("Retention").block();
		Source source = this.sources.create(tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null)).block();
		Destination destination = this.destinations
			.create(tenant.id(), "CRM", DestinationKind.CUSTOM, "https://crm.example.com/in")
			.block();
		Route route = this.routes.create(tenant.id(), source.id(), destination.id(), List.of("*"), "none").block();
		Relay relay = new Relay(tenant.id(), source.id().uuid(), destination.id().uuid(), route.id().uuid());
		if (retentionDays != null) {
			relay.update("UPDATE tenant SET retention_days = " + retentionDays + " WHERE tenant_id = ?");
		}
		return relay;
	}

	private static Instant days(int ago) {
		return NOW.minus(Duration.ofDays(ago));
	}

	/** A version 7 UUID of a past moment, as the application would have made then. */
	private static UUID idAt(Instant moment) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((moment.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000),
				0x8000000000000000L | (random.nextLong() >>> 2));
	}

	private record Relay(TenantId tenantId, UUID sourceId, UUID destinationId, UUID routeId) {

		UUID event(Instant at) throws Exception {
			UUID id = idAt(at);
			insert("INSERT INTO event (tenant_id, id, source_id, dedup_key, body, received_at) VALUES (?, ?, ?, ?, ?, ?)",
					this.tenantId.uuid(), id, this.sourceId, id.toString(), new byte[] { '{', '}' },
					java.sql.Timestamp.from(at));
			return id;
		}

		UUID delivery(UUID eventId, String status) throws Exception {
			UUID id = idAt(Instant.ofEpochMilli(eventId.getMostSignificantBits() >>> 16));
			insert("INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, status) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)", this.tenantId.uuid(), id, eventId, this.routeId,
					this.destinationId, this.sourceId, status);
			return id;
		}

		void attempt(UUID deliveryId, Instant at) throws Exception {
			insert("INSERT INTO delivery_attempt (tenant_id, id, delivery_id, destination_id, attempt_number, trigger, "
					+ "outcome, started_at, request_url) VALUES (?, ?, ?, ?, 1, 'scheduled', 'delivered', ?, 'x')",
					this.tenantId.uuid(), idAt(at), deliveryId, this.destinationId, java.sql.Timestamp.from(at));
		}

		void testAttempt(Instant at) throws Exception {
			insert("INSERT INTO delivery_attempt (tenant_id, id, destination_id, attempt_number, trigger, outcome, "
					+ "started_at, request_url) VALUES (?, ?, ?, 1, 'test', 'delivered', ?, 'x')", this.tenantId.uuid(),
					idAt(at), this.destinationId, java.sql.Timestamp.from(at));
		}

		List<UUID> events() throws Exception {
			try (Connection connection = TestDatabase.get().connect();
					PreparedStatement statement = connection
						.prepareStatement("SELECT id FROM event WHERE tenant_id = ? ORDER BY id")) {
				statement.setObject(1, this.tenantId.uuid());
				try (ResultSet result = statement.executeQuery()) {
					List<UUID> ids = new java.util.ArrayList<>();
					while (result.next()) {
						ids.add(result.getObject(1, UUID.class));
					}
					return ids;
				}
			}
		}

		long count(String table) throws Exception {
			try (Connection connection = TestDatabase.get().connect();
					PreparedStatement statement = connection
						.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
				statement.setObject(1, this.tenantId.uuid());
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		}

		void update(String sql) throws Exception {
			insert(sql, this.tenantId.uuid());
		}

		private static void insert(String sql, Object... values) throws Exception {
			try (Connection connection = TestDatabase.get().connect();
					PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < values.length; i++) {
					statement.setObject(i + 1, values[i]);
				}
				statement.executeUpdate();
			}
		}

	}

}
