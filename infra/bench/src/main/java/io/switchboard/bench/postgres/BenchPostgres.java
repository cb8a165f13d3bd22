package io.switchboard.bench.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.bench.process.CpuClock;
import io.switchboard.bench.process.Processes;

/**
 * A PostgreSQL cluster of its own in a temporary directory, started with the Debian
 * binaries ({@code /usr/lib/postgresql/<version>/bin}, the {@code postgresql} package),
 * on loopback only, with durable commits (fsync and synchronous commit on, as in
 * production). As root, the server runs as the {@code postgres} user, which PostgreSQL
 * requires.
 */
public final class BenchPostgres implements AutoCloseable {

	/** The database Switchboard uses. */
	public static final String DATABASE = "switchboard";

	private final Path bin;

	private final Path dataDirectory;

	private final int port;

	private final Path log;

	private final boolean owned;

	private BenchPostgres(Path bin, Path dataDirectory, int port, Path log, boolean owned) {
		this.bin = bin;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.log = log;
		this.owned = owned;
	}

	/**
	 * The embedded PostgreSQL that the Switchboard jar started by itself (the README's
	 * quick start): read, seeded and measured like the harness's own, but neither stopped
	 * nor deleted by the harness, and without the harness's statement statistics.
	 * @param dataDirectory its data directory ({@code <data-dir>/postgres})
	 * @param port its port
	 * @param log where its log would be
	 * @return the cluster
	 */
	public static BenchPostgres attach(Path dataDirectory, int port, Path log) {
		return new BenchPostgres(binaries(), dataDirectory, port, log, false);
	}

	/**
	 * Creates and starts a cluster with the database {@value #DATABASE}.
	 * @param workDirectory where its data and log go
	 * @param port its port
	 * @return the running cluster
	 */
	public static BenchPostgres start(Path workDirectory, int port) {
		Path bin = binaries();
		try {
			Path data = Files.createTempDirectory("switchboard-bench-pg");
			Path log = workDirectory.resolve("postgresql.log");
			Files.createDirectories(workDirectory);
			Files.deleteIfExists(log);
			if (Processes.isRoot()) {
				Processes.run(List.of("chown", "postgres:postgres", data.toString()));
				Files.createFile(log);
				Processes.run(List.of("chown", "postgres:postgres", log.toString()));
			}
			BenchPostgres postgres = new BenchPostgres(bin, data, port, log, true);
			postgres.runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
					"--auth=trust", "--encoding=UTF8", "--no-instructions"));
			Files.writeString(data.resolve("postgresql.auto.conf"),
					String.join("\n", "listen_addresses = '127.0.0.1'", "port = " + port,
							"unix_socket_directories = '" + data + "'", "max_connections = 200",
							"shared_buffers = '256MB'", "fsync = on", "synchronous_commit = on", "max_wal_size = '2GB'",
							"checkpoint_timeout = '15min'",
							// auto_explain: the plans of the API's own queries, on only
							// while a scenario asks; pg_stat_statements: where the
							// database's time goes, per phase
							"shared_preload_libraries = 'auto_explain,pg_stat_statements'",
							"pg_stat_statements.track_planning = on", "auto_explain.log_min_duration = -1",
							// Statements slower than 100 ms, in every scenario (a slow
							// commit shows up here first).
							"log_min_duration_statement = 100", ""));
			postgres.startServer();
			try (Connection connection = postgres.connect("postgres")) {
				connection.createStatement().execute("CREATE DATABASE " + DATABASE);
			}
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the bench database", ex);
		}
	}

	/**
	 * The Debian PostgreSQL binaries, newest version first.
	 * @return their directory
	 */
	public static Path binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		try (var versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pgbench"))
						&& Files.isExecutable(bin.resolve("pg_ctl")))
				.max((a, b) -> Integer.compare(major(a), major(b)))
				.orElseThrow();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The harness needs PostgreSQL's server binaries and pgbench "
					+ "(/usr/lib/postgresql/<version>/bin): apt-get install postgresql (.ci/run does)", ex);
		}
	}

	private static int major(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** Starts the server and waits until it accepts connections. */
	public void startServer() {
		requireOwned();
		runAsOwner(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDirectory.toString(), "-l",
				this.log.toString(), "-w", "-t", "60", "start"));
	}

	/**
	 * Stops the server at once ({@code -m immediate}: as a crash of the database looks).
	 */
	public void stopServer() {
		requireOwned();
		runAsOwner(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDirectory.toString(), "-m",
				"immediate", "-w", "stop"));
	}

	/**
	 * A JDBC connection for seeding and plans.
	 * @param database the database
	 * @return the connection; the caller closes it
	 * @throws SQLException when it cannot connect
	 */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
	}

	/**
	 * A JDBC connection to {@value #DATABASE}.
	 * @return the connection; the caller closes it
	 * @throws SQLException when it cannot connect
	 */
	public Connection connect() throws SQLException {
		return connect(DATABASE);
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/**
	 * The URL Switchboard is given.
	 * @return an {@code r2dbc:} URL
	 */
	public String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/**
	 * The server's log, where {@code auto_explain} writes plans.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * CPU time of the server and its backends so far.
	 * @return milliseconds, or -1 when it is not running
	 */
	public long cpuMillis() {
		try {
			long pid = Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
			return CpuClock.processTreeMillis(pid);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	public int port() {
		return this.port;
	}

	Path bin() {
		return this.bin;
	}

	/**
	 * The server's major version, as it says (the quick start's embedded server is not
	 * Debian's).
	 * @return e.g. {@code 17}
	 */
	public int version() {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version_num")) {
			result.next();
			return Integer.parseInt(result.getString(1)) / 10000;
		}
		catch (SQLException ex) {
			return major(this.bin);
		}
	}

	void runAsOwner(List<String> command) {
		List<String> full = new ArrayList<>();
		if (Processes.isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Processes.run(full);
	}

	private void requireOwned() {
		if (!this.owned) {
			throw new IllegalStateException("The quick start's embedded PostgreSQL is Switchboard's own: the harness "
					+ "does not stop or start it (run this scenario without --quick-start)");
		}
	}

	@Override
	public void close() {
		if (!this.owned) {
			return;
		}
		try {
			stopServer();
		}
		catch (RuntimeException ex) {
			// already stopped
		}
		Processes.run(List.of("rm", "-rf", this.dataDirectory.toString()));
	}

}
