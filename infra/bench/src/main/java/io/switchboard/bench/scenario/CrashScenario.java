package io.switchboard.bench.scenario;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.switchboard.bench.report.ScenarioReport;

/**
 * {@code crash}: {@code kill -9} of Switchboard at a random moment under load, then a
 * restart. Nothing acknowledged may be lost; duplicates (deliveries sent but not recorded
 * before the kill, sent again once their lease expires) are reported.
 */
final class CrashScenario extends ChaosScenario {

	@Override
	public String name() {
		return "crash";
	}

	@Override
	int startSecond(BenchRun run, Duration duration) {
		long seconds = duration.toSeconds();
		return (int) ThreadLocalRandom.current().nextLong(Math.max(1, seconds / 4), Math.max(2, seconds * 3 / 4));
	}

	@Override
	void disrupt(BenchRun run, ScenarioReport report) {
		run.switchboard().kill();
		long start = System.nanoTime();
		run.switchboard().restart();
		report.figure("restart_seconds", (System.nanoTime() - start) / 1e9);
	}

}
