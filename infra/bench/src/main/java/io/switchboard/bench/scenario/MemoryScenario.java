package io.switchboard.bench.scenario;

import io.switchboard.bench.report.ScenarioReport;

/**
 * {@code memory}: the largest resident set of the Switchboard process during
 * {@code ingest} and {@code e2e} (sampled from {@code /proc} once a second), with the JVM
 * options it ran with. Runs {@code e2e} first when it did not run.
 */
final class MemoryScenario implements Scenario {

	private final String jvmOptions;

	MemoryScenario(String jvmOptions) {
		this.jvmOptions = jvmOptions;
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		if (run.shared("e2e_rss_max_mb") == null) {
			E2eScenario.endToEnd(run, run.tenants(), new ScenarioReport("e2e"), "e2e");
		}
		report.figure("jvm_options", this.jvmOptions);
		long max = 0;
		for (String phase : new String[] { "ingest", "e2e" }) {
			Object value = run.shared(phase + "_rss_max_mb");
			if (value != null) {
				report.figure(phase + "_rss_max_mb", value);
				max = Math.max(max, ((Number) value).longValue());
			}
		}
		report.target("Switchboard resident memory under load (MB)", max, "<=", 600);
		return report;
	}

}
