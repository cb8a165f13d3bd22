package io.switchboard.bench.scenario;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.OpenLoad;
import io.switchboard.bench.load.ProviderEvents;
import io.switchboard.bench.report.ScenarioReport;

/**
 * A chaos scenario: the {@code e2e} load, a disruption that starts at a chosen second and
 * ends after a while (run beside the load, which keeps its rate), then the wait for every
 * acknowledged event. Each prints acknowledged, delivered, lost and duplicated.
 */
abstract class ChaosScenario implements Scenario {

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		run.awaitQuiet();
		int rate = run.settings().e2eRate();
		Duration duration = loadDuration(run);
		int startSecond = startSecond(run, duration);
		report.figure("rate_per_s", rate)
			.figure("load_seconds", duration.toSeconds())
			.figure("disruption_at_second", startSecond);
		Ledger ledger = run.ledger((int) (rate * duration.toSeconds()));
		AtomicLong disruptionEnded = new AtomicLong();
		CompletableFuture<Void> disruption = new CompletableFuture<>();
		new OpenLoad(run.sender()).run(ledger, new ProviderEvents(run.tenants(), ledger.scenario()), rate, duration,
				(second) -> {
					if (second == startSecond) {
						disruption.completeAsync(() -> {
							disrupt(run, report);
							disruptionEnded.set(System.nanoTime());
							return null;
						});
					}
				});
		disruption.join();
		boolean complete = run.awaitDelivered(ledger);
		Ledger.Tally tally = ledger.tally();
		report.figure("sent", tally.sent())
			.figure("acknowledged", tally.acknowledged())
			.figure("not_acknowledged", tally.notAcknowledged())
			.figure("answers_by_status", tally.statuses())
			.figure("delivered", tally.delivered())
			.figure("lost", tally.lost())
			.figure("duplicated", tally.duplicated())
			.figure("delivered_though_not_acknowledged", tally.deliveredUnacknowledged())
			.figure("all_delivered_within_drain_timeout", complete);
		report.target("acknowledged events lost", tally.lost(), "<=", 0);
		after(run, report, ledger, disruptionEnded.get());
		return report;
	}

	Duration loadDuration(BenchRun run) {
		return run.settings().duration();
	}

	int startSecond(BenchRun run, Duration duration) {
		return (int) (duration.toSeconds() / 3);
	}

	/**
	 * The disruption and the recovery; runs beside the load.
	 * @param run the run
	 * @param report where to put its own figures
	 */
	abstract void disrupt(BenchRun run, ScenarioReport report);

	/**
	 * Figures and targets after everything arrived.
	 * @param run the run
	 * @param report where
	 * @param ledger the load's ledger
	 * @param disruptionEndedNanos when the disruption ended
	 */
	void after(BenchRun run, ScenarioReport report, Ledger ledger, long disruptionEndedNanos) {
	}

}
