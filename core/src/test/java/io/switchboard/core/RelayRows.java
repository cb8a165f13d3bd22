package io.switchboard.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * A tenant with one source, destination and route, and history rows written straight into
 * the tables at chosen moments, as if the relay had made them then.
 *
 * @param tenantId the tenant
 * @param sourceId its source
 * @param destinationId its destination
 * @param routeId the route between them
 */
public record RelayRows(TenantId tenantId, UUID sourceId, UUID destinationId, UUID routeId) {

	/**
	 * A new tenant with its source, destination and route.
	 * @param tenants the tenants
	 * @param sources the sources
	 * @param destinations the destinations
	 * @param routes the routes
	 * @return the rows' owner
	 */
	public static RelayRows create(TenantRepository tenants, SourceRepository sources,
			DestinationRepository destinations, RouteRepository routes) {
		Tenant tenant = tenants.create("Relay rows").block();
		Source source = sources.create(tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null)).block();
		Destination destination = destinations
			.create(tenant.id(), "CRM", DestinationKind.CUSTOM, "https://crm.example.com/in")
			.block();
		Route route = routes.create(tenant.id(), source.id(), destination.id(), List.of("*"), "none").block();
		return new RelayRows(tenant.id(), source.id().uuid(), destination.id().uuid(), route.id().uuid());
	}

	/**
	 * An event received at a moment.
	 * @param at when
	 * @return its id
	 */
	public UUID event(Instant at) throws Exception {
		UUID id = idAt(at);
		execute("INSERT INTO event (tenant_id, id, source_id, dedup_key, body, received_at) VALUES (?, ?, ?, ?, ?, ?)",
				this.tenantId.uuid(), id, this.sourceId, id.toString(), new byte[] { '{', '}' }, Timestamp.from(at));
		return id;
	}

	/**
	 * A delivery of an event, made when the event was received.
	 * @param eventId the event
	 * @param status its status now
	 * @return its id
	 */
	public UUID delivery(UUID eventId, String status) throws Exception {
		Instant at = Instant.ofEpochMilli(eventId.getMostSignificantBits() >>> 16);
		UUID id = idAt(at);
		execute("INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, status, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", this.tenantId.uuid(), id, eventId, this.routeId,
				this.destinationId, this.sourceId, status, Timestamp.from(at));
		return id;
	}

	/**
	 * An attempt of a delivery.
	 * @param deliveryId the delivery
	 * @param at when it started
	 * @param durationMs how long it took, or {@code null}
	 */
	public void attempt(UUID deliveryId, Instant at, Integer durationMs) throws Exception {
		execute("INSERT INTO delivery_attempt (tenant_id, id, delivery_id, destination_id, attempt_number, trigger, "
				+ "outcome, started_at, duration_ms, request_url) VALUES (?, ?, ?, ?, 1, 'scheduled', 'delivered', ?, ?, 'x')",
				this.tenantId.uuid(), idAt(at), deliveryId, this.destinationId, Timestamp.from(at), durationMs);
	}

	/**
	 * A test send's attempt (no delivery).
	 * @param at when it started
	 */
	public void testAttempt(Instant at) throws Exception {
		execute("INSERT INTO delivery_attempt (tenant_id, id, destination_id, attempt_number, trigger, outcome, "
				+ "started_at, request_url) VALUES (?, ?, ?, 1, 'test', 'delivered', ?, 'x')", this.tenantId.uuid(),
				idAt(at), this.destinationId, Timestamp.from(at));
	}

	/**
	 * The tenant's events.
	 * @return their ids, oldest first
	 */
	public List<UUID> events() throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT id FROM event WHERE tenant_id = ? ORDER BY id")) {
			statement.setObject(1, this.tenantId.uuid());
			try (ResultSet result = statement.executeQuery()) {
				List<UUID> ids = new ArrayList<>();
				while (result.next()) {
					ids.add(result.getObject(1, UUID.class));
				}
				return ids;
			}
		}
	}

	/**
	 * The tenant's rows in a table.
	 * @param table the table
	 * @return how many
	 */
	public long count(String table) throws Exception {
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

	/**
	 * Runs a statement whose one parameter is the tenant's id.
	 * @param sql the statement
	 */
	public void update(String sql) throws Exception {
		execute(sql, this.tenantId.uuid());
	}

	/** A version 7 UUID of a past moment, as the application would have made then. */
	private static UUID idAt(Instant moment) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((moment.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000),
				0x8000000000000000L | (random.nextLong() >>> 2));
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

}
