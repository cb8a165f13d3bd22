package io.switchboard.core.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;

import org.springframework.context.ApplicationContext;

/**
 * Tenants, destinations and queued deliveries written straight into the tables, for the
 * queue's tests; and the probes they read the tables with.
 */
final class QueueRows {

	private final TenantRepository tenants;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	QueueRows(ApplicationContext context) {
		this.tenants = context.getBean(TenantRepository.class);
		this.sources = context.getBean(SourceRepository.class);
		this.destinations = context.getBean(DestinationRepository.class);
	}

	/**
	 * Pauses every queued delivery, so that a lease sees only those queued afterwards (no
	 * worker runs in the core's tests).
	 */
	void pauseEarlierDeliveries() throws Exception {
		execute("UPDATE delivery SET status = 'paused' WHERE status IN ('pending', 'retrying')");
	}

	TenantId createTenant() {
		return this.tenants.create("Queue test").block().id();
	}

	Destination createDestination(TenantId tenant) {
		return this.destinations.create(tenant, "Receiver", DestinationKind.CUSTOM, "https://receiver.example.com/in")
			.block();
	}

	/**
	 * Queues deliveries to a destination, due for some seconds (negative: due later).
	 */
	void seedDeliveries(Destination destination, int count, int dueForSeconds) throws Exception {
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

	static void execute(String sql, Object... values) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.executeUpdate();
		}
	}

	static List<String> query(String sql, Object... values) throws Exception {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				List<String> rows = new ArrayList<>();
				while (result.next()) {
					rows.add(result.getString(1));
				}
				return rows;
			}
		}
	}

}
