package io.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;

/**
 * {@code isolation}: the {@code e2e} load, plus a tenant whose sources also route to a
 * destination that never answers and one that answers 500. The healthy destinations'
 * latency should not suffer: their p99 is held against the {@code e2e} p99 of the same
 * run (measured first if {@code e2e} did not run).
 */
final class IsolationScenario implements Scenario {

	@Override
	public String name() {
		return "isolation";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		if (run.shared("e2e_p99_ms") == null) {
			ScenarioReport baseline = new ScenarioReport("e2e");
			Ledger ledger = E2eScenario.endToEnd(run, run.tenants(), baseline, "e2e");
			run.share("e2e_p99_ms", ScenarioReport.millis(ledger.endToEnd(), 99));
		}
		double baselineP99 = (double) run.shared("e2e_p99_ms");
		BenchTenant troubled = run.tenantFactory()
			.create("isolation", List.of(run.receiver().url("fast", "isolation"),
					run.receiver().url("hang", "isolation"), run.receiver().url("fail", "isolation")), null);
		List<BenchTenant> tenants = new ArrayList<>(run.tenants());
		tenants.add(troubled);
		long otherBefore = run.receiver().otherArrivals();
		Ledger ledger = E2eScenario.endToEnd(run, tenants, report, "healthy");
		report.figure("requests_to_hanging_and_failing", run.receiver().otherArrivals() - otherBefore);
		for (BenchTenant.BenchDestination destination : troubled.destinations().subList(1, 3)) {
			run.tenantFactory().setEnabled(troubled, destination.id(), false);
		}
		// the troubled tenant's sources come last in the round-robin
		int sources = tenants.size() * 2;
		report.latencies("healthy_other_tenants",
				ledger.endToEnd((seq) -> seq % sources < sources - troubled.sources().size()));
		report.latencies("healthy_troubled_tenant",
				ledger.endToEnd((seq) -> seq % sources >= sources - troubled.sources().size()));
		double p99 = ScenarioReport.millis(ledger.endToEnd(), 99);
		report.figure("e2e_baseline_p99_ms", baselineP99)
			.figure("healthy_to_e2e_p99_ratio", p99 / Math.max(baselineP99, 0.001))
			.target("healthy p99 (ms) ≤ 1.5 × e2e p99 " + baselineP99 + " ms", p99, "<=", 1.5 * baselineP99)
			.target("acknowledged events lost", ledger.tally().lost(), "<=", 0);
		return report;
	}

}
