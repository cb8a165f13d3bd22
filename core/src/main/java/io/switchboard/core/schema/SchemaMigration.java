package io.switchboard.core.schema;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;

/**
 * Brings the schema up to date with the migrations in {@code db/migration}. Flyway speaks
 * JDBC, so it runs once, at start-up, on the main thread, before the web server opens:
 * nothing is served from an old schema and no event loop ever waits on it. It connects to
 * the same database the application reaches over R2DBC.
 */
public class SchemaMigration implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SchemaMigration.class);

	private final JdbcTarget target;

	public SchemaMigration(R2dbcConnectionDetails connectionDetails) {
		this(JdbcTarget.of(connectionDetails.getConnectionFactoryOptions()));
	}

	SchemaMigration(JdbcTarget target) {
		this.target = target;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateResult result = migrate(this.target, null);
		logger.info("Database schema is at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
				+ " migration(s) applied now) on " + this.target.url());
	}

	/**
	 * Migrates a database, or one schema of it.
	 * @param target where to connect
	 * @param schema the schema to migrate, or {@code null} for the connection's default
	 * @return what Flyway did
	 */
	public static MigrateResult migrate(JdbcTarget target, String schema) {
		var configuration = Flyway.configure()
			.dataSource(target.url(), target.username(), target.password())
			.locations("classpath:db/migration")
			.connectRetries(10);
		if (schema != null) {
			configuration.schemas(schema).defaultSchema(schema);
		}
		return configuration.load().migrate();
	}

	/**
	 * A JDBC URL and credentials for the database an R2DBC configuration names.
	 *
	 * @param url the JDBC URL
	 * @param username the user
	 * @param password the password, may be {@code null}
	 */
	public record JdbcTarget(String url, String username, String password) {

		static JdbcTarget of(ConnectionFactoryOptions options) {
			Object port = options.getValue(ConnectionFactoryOptions.PORT);
			Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
			Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
			String url = "jdbc:postgresql://" + options.getRequiredValue(ConnectionFactoryOptions.HOST)
					+ ((port != null) ? ":" + port : "") + "/" + ((database != null) ? database : "");
			return new JdbcTarget(url, String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.USER)),
					(password != null) ? password.toString() : null);
		}

	}

}
