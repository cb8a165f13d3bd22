package io.switchboard.core.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.switchboard.core.schema.SchemaMigration.JdbcTarget;
import io.switchboard.testsupport.DatabaseAddress;
import io.switchboard.testsupport.TestDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrates an empty schema of the test database from nothing, then reads the catalogue.
 */
class SchemaMigrationIntegrationTests {

	private static final List<String> TABLES = List.of("api_token", "app_user", "asset", "audit_log", "delivery",
			"delivery_attempt", "destination", "event", "inbound_rejection", "invitation", "issue", "job", "notice",
			"notification_channel", "route", "source", "tenant");

	/**
	 * Installation-wide tables: the one key pair that signs every tenant's API tokens;
	 * and the portal's sessions, which exist before anyone signs in (a visitor's CSRF
	 * token), so belong to no tenant until then (who signed in is inside the session, and
	 * checked against the database on every request).
	 */
	private static final List<String> INSTALLATION_TABLES = List.of("jwt_signing_key", "portal_session");

	private final String schema = "migration_test_" + Long.toHexString(System.nanoTime());

	private JdbcTarget target;

	@BeforeEach
	void createEmptySchema() throws SQLException {
		DatabaseAddress address = TestDatabase.get().address();
		this.target = new JdbcTarget(address.jdbcUrl(), address.username(), address.password());
		execute("CREATE SCHEMA " + this.schema);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

	@Test
	void migratesFromEmptyThenHasNothingMoreToDo() {
		MigrateResult first = SchemaMigration.migrate(this.target, this.schema);
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
		MigrateResult second = SchemaMigration.migrate(this.target, this.schema);
		assertThat(second.migrationsExecuted).isZero();
		assertThat(second.targetSchemaVersion).isNull();
	}

	@Test
	void createsEveryTableWithATenantId() throws SQLException {
		SchemaMigration.migrate(this.target, this.schema);
		assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
				+ " AND table_name <> 'flyway_schema_history' ORDER BY table_name"))
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(TABLES.stream(), INSTALLATION_TABLES.stream()).toList());
		assertThat(query("SELECT table_name FROM information_schema.columns WHERE table_schema = ?"
				+ " AND column_name = 'tenant_id' AND data_type = 'uuid' AND is_nullable = 'NO' ORDER BY table_name"))
			.containsExactlyElementsOf(TABLES);
	}

	@Test
	void everyKeyAndIndexIncludesTheTenant() throws SQLException {
		SchemaMigration.migrate(this.target, this.schema);
		List<String> indexes = query("SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = ?"
				+ " AND tablename <> 'flyway_schema_history' AND tablename <> ALL (?)");
		assertThat(indexes).hasSizeGreaterThan(TABLES.size());
		assertThat(indexes).allSatisfy((index) -> assertThat(index).contains("tenant_id"));
		List<String> foreignKeys = query("SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint"
				+ " WHERE contype = 'f' AND connamespace = ?::regnamespace");
		assertThat(foreignKeys).isNotEmpty()
			.allSatisfy((key) -> assertThat(key.toLowerCase(Locale.ROOT)).contains("(tenant_id"));
	}

	@Test
	void theQueueAndHistoryHaveTheirIndexes() throws SQLException {
		SchemaMigration.migrate(this.target, this.schema);
		List<String> indexes = query("SELECT indexname FROM pg_indexes WHERE schemaname = ?");
		assertThat(indexes).contains("delivery_due_by_destination", "delivery_lease_expiry", "delivery_by_status",
				"event_by_call", "event_dedup_key", "source_inbound_token_key");
		// the queue has one index: with stale statistics the planner walked the other
		assertThat(indexes).doesNotContain("delivery_due");
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = TestDatabase.get().connect(); var statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.schema);
			if (sql.contains("ALL (?)")) {
				statement.setArray(2, connection.createArrayOf("text", INSTALLATION_TABLES.toArray()));
			}
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
