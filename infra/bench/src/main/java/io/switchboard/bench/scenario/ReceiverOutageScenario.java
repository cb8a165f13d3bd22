package io.switchboard.bench.scenario;

import java.time.Duration;

import io.switchboard.bench.report.ScenarioReport;

/**
 * {@code receiver-outage}: the receiver answers 503 to everything for two minutes (a
 * fifth of that in smoke runs) under load, then recovers. Everything must still arrive;
 * the circuit breaker should hold deliveries back meanwhile, so the receiver sees only
 * probes (one per destination per open period), not every retry.
 */
final class ReceiverOutageScenario extends ChaosScenario {

	@Override
	public String name() {
		return "receiver-outage";
	}

	@Override
	Duration loadDuration(BenchRun run) {
		return outage(run).plus(run.settings().duration());
	}

	@Override
	int startSecond(BenchRun run, Duration duration) {
		return (int) Math.min(10, run.settings().duration().toSeconds() / 2);
	}

	private static Duration outage(BenchRun run) {
		return run.settings().backlog() >= 100_000 ? Duration.ofMinutes(2) : Duration.ofSeconds(24);
	}

	@Override
	void disrupt(BenchRun run, ScenarioReport report) {
		long before = run.receiver().otherArrivals();
		run.receiver().down(true);
		BenchRun.hold(outage(run));
		run.receiver().down(false);
		long attempts = run.receiver().otherArrivals() - before;
		report.figure("outage_seconds", outage(run).toSeconds()).figure("attempts_while_down", attempts);
		// with the default circuit (opens after 5 calls, 30 s open, then one probe),
		// each destination should see at most a handful of attempts per open period
		long bound = BenchRun.TENANTS * (5 + outage(run).toSeconds() / 30 + 1) * 2L;
		report.target("attempts while the receiver was down (circuit held the rest back)", attempts, "<=", bound);
	}

}
