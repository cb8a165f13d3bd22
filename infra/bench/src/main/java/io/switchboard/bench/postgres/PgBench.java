package io.switchboard.bench.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.bench.process.Processes;

/**
 * The database's own rate for what one inbound event costs, one event per transaction,
 * measured with {@code pgbench} against the same PostgreSQL in the same run: the
 * yardstick Switchboard's ingest rate is reported against.
 */
public final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private final BenchPostgres postgres;

	public PgBench(BenchPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Runs the one-event script.
	 * @param workDirectory where the script and output go
	 * @param target the tenant, source, route and destination the rows belong to
	 * @param clients concurrent connections
	 * @param seconds how long
	 * @return the rate and latency pgbench reports
	 */
	public Result run(Path workDirectory, RowOwner target, int clients, int seconds) {
		try {
			Path script = workDirectory.resolve("pgbench-event.sql");
			try (InputStream in = PgBench.class.getResourceAsStream("pgbench-event.sql")) {
				Files.write(script, in.readAllBytes());
			}
			List<String> command = new ArrayList<>(List.of(this.postgres.bin().resolve("pgbench").toString(), "-h",
					"127.0.0.1", "-p", Integer.toString(this.postgres.port()), "-U", "postgres", "-n", "-M", "prepared",
					"-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f",
					script.toString(), "-D", "tenant=" + target.tenantId(), "-D", "source=" + target.sourceId(), "-D",
					"route=" + target.routeId(), "-D", "destination=" + target.destinationId(),
					BenchPostgres.DATABASE));
			String output = Processes.run(command);
			Files.writeString(workDirectory.resolve("pgbench.out"), output);
			forgetRows(target);
			return new Result(clients, number(TPS, output), number(LATENCY, output));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes the events pgbench wrote, and with them their deliveries. Left in the queue
	 * (due in a hundred years), they were resumed with the rest when {@code deliver}
	 * switched their destination off and on, and sent during its drain beside the backlog
	 * it counts: a third more deliveries than the figure said.
	 */
	private void forgetRows(RowOwner target) {
		try (Connection connection = this.postgres.connect();
				PreparedStatement delete = connection.prepareStatement(
						"DELETE FROM event WHERE tenant_id = CAST(? AS uuid) AND call_id = 'call_pgbench'")) {
			delete.setString(1, target.tenantId());
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot delete pgbench's rows", ex);
		}
	}

	private static double number(Pattern pattern, String output) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("pgbench printed no figure " + pattern + ":\n" + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	/**
	 * Whose rows pgbench writes (raw UUIDs, as in the database).
	 *
	 * @param tenantId the tenant
	 * @param sourceId its source
	 * @param routeId a route of the source
	 * @param destinationId the route's destination
	 */
	public record RowOwner(String tenantId, String sourceId, String routeId, String destinationId) {

	}

	/**
	 * What pgbench measured.
	 *
	 * @param clients its connections
	 * @param eventsPerSecond transactions (events) per second
	 * @param latencyMillis average transaction latency
	 */
	public record Result(int clients, double eventsPerSecond, double latencyMillis) {

	}

}
