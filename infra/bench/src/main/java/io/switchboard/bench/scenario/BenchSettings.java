package io.switchboard.bench.scenario;

import java.time.Duration;

/**
 * The run's knobs: full runs use the figures; smoke runs the same code for
 * seconds at low rates.
 *
 * @param duration how long each load phase lasts
 * @param ingestLatencyRate the open-loop rate of the ingest latency phase (issue: 1000/s)
 * @param ingestConcurrency requests in flight in the ingest maximum-rate phase
 * @param e2eRate the rate of {@code e2e}, {@code isolation} and {@code crash} (500/s)
 * @param backlog deliveries {@code deliver} drains (issue: 100 000)
 * @param historyDeliveries deliveries {@code history} seeds (issue: 1 000 000)
 * @param historyRequests requests per history query
 * @param noisyReplay deliveries the noisy tenant of {@code noisy-worker} replays (issue:
 * 1 000 000)
 * @param drainTimeout how long to wait for deliveries to arrive after a load phase
 * @param warmUp how long Switchboard gets load at the {@code e2e} rate, unmeasured,
 * before the first scenario (JIT, connection pools, caches)
 */
public record BenchSettings(Duration duration, int ingestLatencyRate, int ingestConcurrency, int e2eRate, int backlog,
		int historyDeliveries, int historyRequests, int noisyReplay, Duration drainTimeout, Duration warmUp) {

	/**
	 * The figures.
	 * @param duration the load phases' length
	 * @return full settings
	 */
	public static BenchSettings full(Duration duration) {
		return new BenchSettings(duration, 1000, 64, 500, 100_000, 1_000_000, 200, 1_000_000, Duration.ofMinutes(5),
				// two JVMs (roles split) still JIT-compiled 0.4-0.5 core
				// each 70 s after a 20 s warm-up; after 120 s the compilers
				// are idle (docs/BENCHMARKS.md)
				Duration.ofSeconds(120));
	}

	/**
	 * The same with another warm-up.
	 * @param time how long Switchboard gets load before the first scenario
	 * @return the settings
	 */
	public BenchSettings withWarmUp(Duration time) {
		return new BenchSettings(this.duration, this.ingestLatencyRate, this.ingestConcurrency, this.e2eRate,
				this.backlog, this.historyDeliveries, this.historyRequests, this.noisyReplay, this.drainTimeout, time);
	}

	/**
	 * Seconds, not minutes, at low rates: proves the harness works, measures nothing.
	 * @param duration the load phases' length
	 * @return smoke settings
	 */
	public static BenchSettings smoke(Duration duration) {
		return new BenchSettings(duration, 100, 8, 50, 2_000, 20_000, 20, 2_000, Duration.ofSeconds(60),
				Duration.ofSeconds(3));
	}

}
