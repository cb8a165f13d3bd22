package io.switchboard.bench.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where PostgreSQL's time goes during a phase, by statement ({@code pg_stat_statements},
 * loaded by the bench server): reset at the phase's start, read at its end. The database
 * side's profile, beside Switchboard's JFR one.
 */
public final class StatementCosts {

	/**
	 * Statements grouped by their first words, so a multi-row {@code VALUES} of each size
	 * (a statement text of its own) counts as one statement.
	 */
	private static final String TOP = """
			SELECT sum(calls) AS calls, sum(total_exec_time) AS total_exec_time,
				sum(total_plan_time) AS total_plan_time, sum(rows) AS rows,
				100 * sum(total_exec_time) / sum(sum(total_exec_time)) OVER () AS share,
				left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
			FROM pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
			GROUP BY 6
			ORDER BY 2 DESC
			LIMIT %d
			""";

	private final BenchPostgres postgres;

	public StatementCosts(BenchPostgres postgres) {
		this.postgres = postgres;
	}

	/** Forgets what came before. */
	public void reset() {
		execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "SELECT pg_stat_statements_reset()");
	}

	/**
	 * The most expensive statements since the reset, one line each.
	 * @param count how many
	 * @return lines such as
	 * {@code 41.2 % of statement time, 1804 calls, 0.92 ms each …: UPDATE delivery …}
	 */
	public List<String> top(int count) {
		List<String> lines = new ArrayList<>();
		try (Connection connection = this.postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(TOP.formatted(count))) {
			while (result.next()) {
				long calls = result.getLong("calls");
				String query = result.getString("query");
				lines.add(String.format(Locale.ROOT,
						"%.1f %% of statement time, %d calls, %.2f ms each (+%.2f ms plan), %d rows: %s",
						result.getDouble("share"), calls, result.getDouble("total_exec_time") / Math.max(calls, 1),
						result.getDouble("total_plan_time") / Math.max(calls, 1), result.getLong("rows"), query + "…"));
			}
		}
		catch (SQLException ex) {
			lines.add("pg_stat_statements unavailable: " + ex.getMessage());
		}
		return lines;
	}

	private void execute(String... sql) {
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			// the figures then say so
		}
	}

}
