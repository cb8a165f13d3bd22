package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL this test run uses, started once per JVM and shared by every test (tests
 * isolate themselves by tenant, not by database). In order of preference:
 * <ol>
 * <li>the database {@code SWITCHBOARD_TEST_DATABASE_URL} names
 * ({@code postgresql://user:password@host:port/database}; a {@code jdbc:} or
 * {@code r2dbc:} prefix is allowed);</li>
 * <li>a PostgreSQL 17 container when Docker runs;</li>
 * <li>embedded PostgreSQL 17 (zonky), in a temporary directory removed at exit.</li>
 * </ol>
 */
public final class TestDatabase {

	/** The environment variable that names an existing database to test against. */
	public static final String URL_VARIABLE = "SWITCHBOARD_TEST_DATABASE_URL";

	private static final String DATABASE = "switchboard_test";

	private static TestDatabase instance;

	private final DatabaseAddress address;

	private TestDatabase(DatabaseAddress address) {
		this.address = address;
	}

	/**
	 * The test run's database, started on first use.
	 * @return the database
	 */
	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	/**
	 * Where it is.
	 * @return the address and credentials
	 */
	public DatabaseAddress address() {
		return this.address;
	}

	/**
	 * A new JDBC connection, for a test's own set-up and checks.
	 * @return the connection; the caller closes it
	 */
	public Connection connect() {
		try {
			return DriverManager.getConnection(this.address.jdbcUrl(), this.address.username(),
					this.address.password());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot connect to the test database " + this.address.jdbcUrl(), ex);
		}
	}

	private static TestDatabase start() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new TestDatabase(DatabaseAddress.parse(url));
		}
		if (dockerAvailable()) {
			return startContainer();
		}
		return startEmbedded();
	}

	private static boolean dockerAvailable() {
		if (!dockerConfigured()) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	// Asking Testcontainers where no Docker is configured logs an alarming error:
	// look first.
	private static boolean dockerConfigured() {
		String home = System.getProperty("user.home");
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(home, ".testcontainers.properties"));
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	private static TestDatabase startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName(DATABASE);
		container.start();
		return new TestDatabase(new DatabaseAddress(container.getHost(), container.getMappedPort(5432), DATABASE,
				container.getUsername(), container.getPassword()));
	}

	private static TestDatabase startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("switchboard-test-pg"))
				.setCleanDataDirectory(true)
				.start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
			return new TestDatabase(new DatabaseAddress("localhost", postgres.getPort(), DATABASE, "postgres", null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL for the tests", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database", ex);
		}
	}

}
