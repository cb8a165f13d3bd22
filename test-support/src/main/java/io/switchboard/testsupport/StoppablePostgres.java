package io.switchboard.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL that one test owns and can stop and start again, on the same port and the
 * same data, for outage tests: unlike the shared {@link TestDatabase}, taking it away
 * disturbs no other test.
 */
public final class StoppablePostgres implements AutoCloseable {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres server;

	private StoppablePostgres(Path dataDirectory, int port) throws IOException {
		this.dataDirectory = dataDirectory;
		this.port = port;
		restart();
	}

	/**
	 * Starts one on a free port.
	 * @param dataDirectory where it keeps its data (a test's temporary directory)
	 * @return the running database
	 * @throws IOException if it cannot start
	 */
	public static StoppablePostgres start(Path dataDirectory) throws IOException {
		return new StoppablePostgres(dataDirectory, freePort());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Where an application reaches it (user {@code postgres}, no password).
	 * @return its R2DBC URL
	 */
	public String r2dbcUrl() {
		return "r2dbc:postgresql://localhost:" + this.port + "/postgres";
	}

	/**
	 * Stops it: the outage begins.
	 * @throws IOException if it cannot stop
	 */
	public void stop() throws IOException {
		this.server.close();
		this.server = null;
	}

	/**
	 * Starts it again on the same port with the same data: the outage ends.
	 * @throws IOException if it cannot start
	 */
	public void restart() throws IOException {
		this.server = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.start();
	}

	/**
	 * A JDBC connection to it, to look at what it stored.
	 * @return the connection
	 * @throws SQLException if it cannot connect
	 */
	public Connection connect() throws SQLException {
		return this.server.getPostgresDatabase().getConnection();
	}

	@Override
	public void close() throws IOException {
		if (this.server != null) {
			stop();
		}
	}

}
