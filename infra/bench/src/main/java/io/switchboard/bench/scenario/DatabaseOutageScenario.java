package io.switchboard.bench.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.report.ScenarioReport;

/**
 * {@code db-outage}: PostgreSQL stopped ({@code pg_ctl stop -m immediate}) for ten
 * seconds under load, then started. No event may be acknowledged unless stored (every 2xx
 * must be delivered: lost = 0), and acknowledgements must resume within 5 s of the
 * database's return.
 */
final class DatabaseOutageScenario extends ChaosScenario {

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	@Override
	public String name() {
		return "db-outage";
	}

	@Override
	Duration loadDuration(BenchRun run) {
		return run.settings().duration().compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30)
				: run.settings().duration();
	}

	@Override
	void disrupt(BenchRun run, ScenarioReport report) {
		// A checkpoint first, so that the restart replays this scenario's WAL, not
		// gigabytes left by the scenarios before (12.7 s of redo after deliver's drain,
		// longer than the load that was to show the recovery).
		try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot checkpoint before the outage", ex);
		}
		run.postgres().stopServer();
		BenchRun.hold(OUTAGE);
		run.postgres().startServer();
		report.figure("database_down_seconds", OUTAGE.toSeconds());
	}

	@Override
	void after(BenchRun run, ScenarioReport report, Ledger ledger, long disruptionEndedNanos) {
		long firstAck = ledger.firstAcknowledgedAfter(disruptionEndedNanos);
		double recovery = (firstAck == 0) ? -1 : Math.max(0, (firstAck - disruptionEndedNanos) / 1e9);
		report.figure("first_ack_after_database_back_seconds", recovery)
			.target("acknowledgements resume after the database returns (s)", (recovery < 0) ? 999 : recovery, "<=", 5);
	}

}
