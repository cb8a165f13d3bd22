package io.switchboard.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.postgres.PgBench;
import io.switchboard.bench.postgres.StatementCosts;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;

/**
 * {@code deliver}: a backlog drained to the fast receiver. The shared tenants'
 * destinations are disabled, their deliveries seeded paused by SQL (events of about 1 KiB
 * with the receiver's marker), then the destinations are enabled through the API, which
 * resumes them all at once; the rate is the backlog over the time from enabling to the
 * last first arrival.
 */
final class DeliverScenario implements Scenario {

	private static final String SEED = """
			WITH stored AS (
				INSERT INTO event (tenant_id, id, source_id, dedup_key, event_type, call_id, content_type, headers, body,
					occurred_at)
				SELECT CAST(? AS uuid), %s, CAST(? AS uuid), 'seed:' || ? || ':' || g, 'call.completed',
					'call_seed_' || g, 'application/json', '{}',
					convert_to('{"event":"call.completed","created_at":"2026-05-29T12:10:00Z","call":{"id":"call_seed_'
						|| g || '","status":"completed","direction":"inbound","from":"+15551230001","to":"+15551230002"},'
						|| '"variables":{"bench_seq":"' || ? || '.' || g || '","notes":"' || repeat('n', 800) || '"},"data":{}}',
						'UTF8'), now()
				FROM generate_series(?, ?) g
				RETURNING tenant_id, id, source_id, event_type, call_id
			)
			INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, event_type, call_id,
				ordering, status)
			SELECT tenant_id, %s, id, CAST(? AS uuid), CAST(? AS uuid), source_id, event_type, call_id, 'none', ?
			FROM stored
			"""
		.formatted(SeedSql.UUID_V7_NOW, SeedSql.UUID_V7_NOW);

	@Override
	public String name() {
		return "deliver";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		List<BenchTenant> tenants = run.tenants();
		run.awaitQuiet();
		int perTenant = run.settings().backlog() / tenants.size();
		int backlog = perTenant * tenants.size();
		Ledger ledger = run.ledger(backlog);
		long seedStart = System.nanoTime();
		for (int i = 0; i < tenants.size(); i++) {
			BenchTenant tenant = tenants.get(i);
			run.tenantFactory().setEnabled(tenant, tenant.destinations().get(0).id(), false);
			seed(run, IngestScenario.rowOwner(tenant), ledger.scenario(), i * perTenant, (i + 1) * perTenant - 1,
					"paused");
		}
		report.figure("backlog", backlog).figure("seed_seconds", (System.nanoTime() - seedStart) / 1e9);
		long start = System.nanoTime();
		ledger.seeded(backlog, start);
		for (BenchTenant tenant : tenants) {
			run.tenantFactory().setEnabled(tenant, tenant.destinations().get(0).id(), true);
		}
		StatementCosts statements = new StatementCosts(run.postgres());
		statements.reset();
		ProcessUsage usage = new ProcessUsage(run);
		boolean complete = BenchRun.await(run.settings().drainTimeout(), () -> {
			usage.sample();
			return ledger.allAcknowledgedDelivered();
		});
		double seconds = (ledger.lastArrivalNanos() - start) / 1e9;
		Ledger.Tally tally = ledger.tally();
		double rate = tally.delivered() / Math.max(seconds, 0.001);
		report.figure("drained", complete)
			.figure("delivered", tally.delivered())
			.figure("lost", tally.lost())
			.figure("duplicated", tally.duplicated())
			.figure("drain_seconds", seconds)
			.figure("deliveries_per_s", rate);
		usage.report(report, "drain");
		statements.top(6).forEach(report::note);
		report.target("backlog drain rate (deliveries/s)", rate, ">=", 3000)
			.target("seeded deliveries lost", tally.lost(), "<=", 0);
		return report;
	}

	/**
	 * Stores events of about 1 KiB with one delivery each, by SQL.
	 * @param run the run
	 * @param owner whose rows
	 * @param scenario the scenario number in each event's {@code bench_seq}
	 * @param from the first sequence number
	 * @param to the last
	 * @param status the deliveries' status ({@code paused}, {@code dead})
	 */
	static void seed(BenchRun run, PgBench.RowOwner owner, int scenario, int from, int to, String status) {
		try (Connection connection = run.postgres().connect();
				PreparedStatement statement = connection.prepareStatement(SEED)) {
			statement.setString(1, owner.tenantId());
			statement.setString(2, owner.sourceId());
			statement.setInt(3, scenario);
			statement.setInt(4, scenario);
			statement.setInt(5, from);
			statement.setInt(6, to);
			statement.setString(7, owner.routeId());
			statement.setString(8, owner.destinationId());
			statement.setString(9, status);
			statement.executeUpdate();
			// Rows that built up over hours would have been vacuumed and analysed by
			// autovacuum long before anyone drains or replays them; a million inserted in
			// one statement are not: without this, that first vacuum and the first reads'
			// hint-bit writes land in the phase measured.
			try (Statement vacuum = connection.createStatement()) {
				vacuum.execute("VACUUM (ANALYZE) event, delivery");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot seed the backlog", ex);
		}
	}

}
