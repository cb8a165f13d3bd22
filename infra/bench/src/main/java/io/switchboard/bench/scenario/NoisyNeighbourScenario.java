package io.switchboard.bench.scenario;

import java.util.List;
import java.util.Map;

import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.Noise;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;

/**
 * {@code noisy-neighbour} (the ingest side): the {@code e2e} load from the run's tenants,
 * once quiet and once while another tenant sends poison events from 32 connections, 24
 * near-megabyte uploads dribbled a byte at a time, and requests to made-up inbound URLs.
 * The others must lose nothing, get no 5xx, and keep their p99 within 1.5 × the quiet
 * phase's.
 */
final class NoisyNeighbourScenario implements Scenario {

	@Override
	public String name() {
		return "noisy-neighbour";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		List<BenchTenant> others = run.tenants();
		ScenarioReport quietPhase = new ScenarioReport("noisy-neighbour-quiet");
		Ledger quiet = E2eScenario.endToEnd(run, others, quietPhase, "quiet");
		BenchTenant noisy = run.tenantFactory().create("noisy", List.of(run.receiver().url("fast", "noisy")), null);
		Noise noise = new Noise(noisy);
		// Noise from before the load starts until it has ended (at most a minute more).
		List<Thread> threads = noise.start(run.settings().duration().plusSeconds(60));
		ScenarioReport loudPhase = new ScenarioReport("noisy-neighbour-loud");
		Ledger loud = E2eScenario.endToEnd(run, others, loudPhase, "loud");
		noise.stop();
		for (Thread thread : threads) {
			try {
				thread.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Ledger.Tally tally = loud.tally();
		long serverErrors = tally.statuses()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= 500)
			.mapToLong(Map.Entry::getValue)
			.sum();
		double quietAck = ScenarioReport.millis(quiet.ackLatency(), 99);
		double loudAck = ScenarioReport.millis(loud.ackLatency(), 99);
		double quietE2e = ScenarioReport.millis(quiet.endToEnd(), 99);
		double loudE2e = ScenarioReport.millis(loud.endToEnd(), 99);
		// where the CPU went in each phase
		// (Switchboard, PostgreSQL, the harness and its noise)
		for (ScenarioReport phase : List.of(quietPhase, loudPhase)) {
			report.figuresOf(phase, "", (name) -> name.contains("cpu"));
		}
		report.figure("noise_answers_by_kind_and_status", noise.answers())
			.figure("others_answers_by_status", tally.statuses())
			.latencies("quiet_ack", quiet.ackLatency())
			.latencies("noisy_ack", loud.ackLatency())
			.latencies("quiet_e2e", quiet.endToEnd())
			.latencies("noisy_e2e", loud.endToEnd())
			.target("others' events lost", tally.lost() + quiet.tally().lost(), "<=", 0)
			.target("others' answers 5xx", serverErrors, "<=", 0)
			.target("others' ack p99 (ms) ≤ 1.5 × quiet " + quietAck, loudAck, "<=", 1.5 * quietAck)
			.target("others' e2e p99 (ms) ≤ 1.5 × quiet " + quietE2e, loudE2e, "<=", 1.5 * quietE2e);
		return report;
	}

}
