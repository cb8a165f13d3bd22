package io.switchboard.bench.scenario;

import java.util.List;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.OpenLoad;
import io.switchboard.bench.load.ProviderEvents;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;

/**
 * {@code e2e}: a fixed open-loop rate, one route per event to a fast receiver; latency
 * from the provider's intended send time to the receiver's arrival, on one clock; every
 * acknowledged event must arrive. When {@code ingest} ran first, again at 0.4 × the run's
 * {@code pgbench} rate (issue 19's target), so runs on slow and fast days compare.
 */
final class E2eScenario implements Scenario {

	@Override
	public String name() {
		return "e2e";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		Ledger ledger = endToEnd(run, run.tenants(), report, "e2e");
		double p99 = ScenarioReport.millis(ledger.endToEnd(), 99);
		run.share("e2e_p99_ms", p99);
		report
			.target("end-to-end p50 at " + run.settings().e2eRate() + "/s (ms)",
					ScenarioReport.millis(ledger.endToEnd(), 50), "<=", 15)
			.target("end-to-end p99 at " + run.settings().e2eRate() + "/s (ms)", p99, "<=", 75)
			.target("acknowledged events lost", ledger.tally().lost(), "<=", 0);
		Object pgbench = run.shared(IngestScenario.PGBENCH_RATE);
		if (pgbench != null) {
			int rate = Math.max(1, (int) (0.4 * ((Number) pgbench).doubleValue()));
			ScenarioReport phase = new ScenarioReport("e2e at 0.4 × pgbench");
			run.awaitQuiet();
			Ledger scaled = endToEndNow(run, run.tenants(), phase, "e2e", rate);
			report.figuresOf(phase, "pgbench_04_", (name) -> true);
			report
				.target("end-to-end p50 at 0.4 × pgbench, " + rate + "/s (ms)",
						ScenarioReport.millis(scaled.endToEnd(), 50), "<=", 15)
				.target("end-to-end p99 at 0.4 × pgbench, " + rate + "/s (ms)",
						ScenarioReport.millis(scaled.endToEnd(), 99), "<=", 75)
				.target("acknowledged events lost at 0.4 × pgbench", scaled.tally().lost(), "<=", 0);
		}
		return report;
	}

	/**
	 * Runs the load against the tenants and waits for the deliveries.
	 * @param run the run
	 * @param tenants whose sources get the events
	 * @param report where the figures go
	 * @param prefix the figures' prefix (and the usage's)
	 * @return the ledger
	 */
	static Ledger endToEnd(BenchRun run, List<BenchTenant> tenants, ScenarioReport report, String prefix) {
		run.awaitQuiet();
		return endToEndNow(run, tenants, report, prefix);
	}

	/**
	 * The same load without waiting for the queue to be quiet first: while another
	 * tenant's backlog is the point.
	 */
	static Ledger endToEndNow(BenchRun run, List<BenchTenant> tenants, ScenarioReport report, String prefix) {
		return endToEndNow(run, tenants, report, prefix, run.settings().e2eRate());
	}

	private static Ledger endToEndNow(BenchRun run, List<BenchTenant> tenants, ScenarioReport report, String prefix,
			int rate) {
		Ledger ledger = run.ledger(rate * (int) run.settings().duration().toSeconds());
		ProcessUsage usage = new ProcessUsage(run);
		new OpenLoad(run.sender()).run(ledger, new ProviderEvents(tenants, ledger.scenario()), rate,
				run.settings().duration(), (second) -> usage.sample());
		boolean complete = run.awaitDelivered(ledger);
		Ledger.Tally tally = ledger.tally();
		report.figure("rate_per_s", rate)
			.figure("sent", tally.sent())
			.figure("acknowledged", tally.acknowledged())
			.figure("not_acknowledged", tally.notAcknowledged())
			.figure("answers_by_status", tally.statuses())
			.figure("delivered", tally.delivered())
			.figure("lost", tally.lost())
			.figure("duplicated", tally.duplicated())
			.figure("all_delivered_within_drain_timeout", complete)
			.latencies("ack", ledger.ackLatency())
			.latencies(prefix, ledger.endToEnd());
		usage.report(report, prefix);
		run.share(prefix + "_rss_max_mb", usage.maxResidentMb());
		return ledger;
	}

}
