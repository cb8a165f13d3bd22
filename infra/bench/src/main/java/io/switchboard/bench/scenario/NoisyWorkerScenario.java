package io.switchboard.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.OpenLoad;
import io.switchboard.bench.load.ProviderEvents;
import io.switchboard.bench.postgres.StatementCosts;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;
import io.switchboard.bench.setup.RestApi;

/**
 * {@code noisy-worker} (the worker side of noisy-neighbour): the {@code e2e} load from
 * the run's tenants, once quiet and once while another tenant's worker load is as bad as
 * the settings allow: a destination that answers after 59 s with {@code timeoutMs: 60000}
 * and {@code maxInFlight: 1000}, one that answers 500, both sent the noisy tenant's
 * events throughout, and a bulk replay of a million dead deliveries to a third. The
 * others must lose nothing, receive nothing twice, and keep their end-to-end p99 within
 * 1.5 × the quiet phase's.
 */
final class NoisyWorkerScenario implements Scenario {

	/** The noisy tenant's events sent to its slow and failing destinations. */
	private static final int NOISY_EVENTS = 300;

	@Override
	public String name() {
		return "noisy-worker";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		List<BenchTenant> others = run.tenants();
		ScenarioReport quietPhase = new ScenarioReport("noisy-worker-quiet");
		Ledger quiet = E2eScenario.endToEnd(run, others, quietPhase, "quiet");

		BenchTenant noisy = run.tenantFactory()
			.create("noisy-worker", List.of(run.receiver().url("fast", "noisy-worker"),
					run.receiver().url("glacial", "noisy-worker"), run.receiver().url("fail", "noisy-worker")), 1000);
		String bearer = RestApi.bearer(noisy.token());
		run.api()
			.send("PATCH", "/api/v1/destinations/" + noisy.destinations().get(1).id(), bearer,
					Map.of("timeoutMs", 60_000, "maxInFlight", 1000));
		long seedStart = System.nanoTime();
		int replayRows = run.settings().noisyReplay();
		// A scenario number no ledger uses: the receiver counts these
		// arrivals, no ledger does.
		DeliverScenario.seed(run, IngestScenario.rowOwner(noisy), 9_999, 0, replayRows - 1, "dead");
		report.figure("replay_rows", replayRows).figure("replay_seed_seconds", (System.nanoTime() - seedStart) / 1e9);
		// Only the slow and failing destinations take the noisy tenant's new events: its
		// fast one is busy with the replay.
		run.tenantFactory().setEnabled(noisy, noisy.destinations().get(0).id(), false);
		Ledger noise = run.ledger(NOISY_EVENTS);
		new OpenLoad(run.sender()).run(noise, new ProviderEvents(List.of(noisy), noise.scenario()), NOISY_EVENTS / 5,
				Duration.ofSeconds(5), (second) -> {
				});
		run.tenantFactory().setEnabled(noisy, noisy.destinations().get(0).id(), true);
		run.api()
			.send("POST", "/api/v1/deliveries/replay", bearer,
					Map.of("status", "dead", "destinationId", noisy.destinations().get(0).id()));
		StatementCosts statements = new StatementCosts(run.postgres());
		statements.reset();
		long fastBefore = run.receiver().fastArrivals();
		long otherBefore = run.receiver().otherArrivals();

		ScenarioReport loudPhase = new ScenarioReport("noisy-worker-loud");
		Ledger loud = E2eScenario.endToEndNow(run, others, loudPhase, "loud");

		long replayed = run.receiver().fastArrivals() - fastBefore - loud.tally().delivered();
		double quietE2e = ScenarioReport.millis(quiet.endToEnd(), 99);
		double loudE2e = ScenarioReport.millis(loud.endToEnd(), 99);
		// where the database's time went while the noisy tenant was loud
		statements.top(8).forEach(report::note);
		for (ScenarioReport phase : List.of(quietPhase, loudPhase)) {
			report.figuresOf(phase, "", (name) -> name.contains("cpu"));
		}
		report.figure("noisy_events_acknowledged", noise.tally().acknowledged())
			.figure("replayed_deliveries_arrived_during_loud_phase", replayed)
			.figure("slow_and_failing_requests_during_loud_phase", run.receiver().otherArrivals() - otherBefore)
			.latencies("quiet_e2e", quiet.endToEnd())
			.latencies("noisy_e2e", loud.endToEnd())
			.target("others' events lost", quiet.tally().lost() + loud.tally().lost(), "<=", 0)
			.target("others' events delivered twice", quiet.tally().duplicated() + loud.tally().duplicated(), "<=", 0)
			.target("others' e2e p99 (ms) ≤ 1.5 × quiet " + quietE2e, loudE2e, "<=", 1.5 * quietE2e);
		return report;
	}

}
