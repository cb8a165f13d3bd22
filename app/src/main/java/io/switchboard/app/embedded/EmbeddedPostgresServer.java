package io.switchboard.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

/**
 * A real PostgreSQL 17 run by Switchboard itself, its data kept in
 * {@code <data-dir>/postgres} so a restart finds every tenant, event and delivery again.
 * It listens on localhost only. Unlike a test database it keeps {@code fsync} and
 * {@code synchronous_commit} on (the embedded library turns both off): an acknowledged
 * event must survive a power cut.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "switchboard";

	static final String USER = "postgres";

	private static final Duration STALE_SERVER_WAIT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts the server on a data directory, first stopping a server a killed Switchboard
	 * left running on it.
	 * @param dataDir the directory its data lives in
	 * @param port the port, 0 for any free one
	 * @param log where to say what happens
	 * @return the running server
	 */
	static EmbeddedPostgresServer start(Path dataDir, int port, Log log) {
		try {
			Files.createDirectories(dataDir);
			stopOrphan(dataDir, log);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "localhost")
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
			server.createDatabaseIfAbsent();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	String r2dbcUrl() {
		return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

	private void createDatabaseIfAbsent() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet result = exists.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database '" + DATABASE + "' in the embedded PostgreSQL",
					ex);
		}
	}

	/**
	 * A Switchboard killed with {@code kill -9} leaves its PostgreSQL running, holding
	 * the data directory. Ask that server to shut down (SIGTERM: it finishes what is in
	 * flight and writes a checkpoint) and wait for it.
	 */
	private static void stopOrphan(Path dataDir, Log log) throws IOException {
		Optional<ProcessHandle> orphan = orphanPostmaster(dataDir);
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		log.warn("A PostgreSQL (pid " + process.pid() + ") from an earlier run still holds " + dataDir
				+ "; stopping it before starting again");
		process.destroy();
		try {
			process.onExit().get(STALE_SERVER_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"PostgreSQL pid " + process.pid() + " from an earlier run did not stop within "
							+ STALE_SERVER_WAIT.toSeconds() + " s; stop it, then start Switchboard again",
					ex);
		}
	}

	private static Optional<ProcessHandle> orphanPostmaster(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
	}

}
