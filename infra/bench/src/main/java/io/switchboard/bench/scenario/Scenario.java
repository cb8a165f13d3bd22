package io.switchboard.bench.scenario;

import io.switchboard.bench.report.ScenarioReport;

/**
 * One benchmark or chaos scenario.
 */
public interface Scenario {

	/**
	 * Its name on the command line and in the report.
	 * @return e.g. {@code ingest}
	 */
	String name();

	/**
	 * Runs it.
	 * @param run the running system and the run's settings
	 * @return its figures
	 */
	ScenarioReport run(BenchRun run);

}
