package io.switchboard.bench.scenario;

import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.target.SwitchboardProcess;

/**
 * Switchboard's resident memory and CPU over a load phase, sampled about once a second.
 */
final class ProcessUsage {

	private final SwitchboardProcess process;

	private final long startNanos = System.nanoTime();

	private final long startCpuMillis;

	private long maxResident;

	private long residentSum;

	private int samples;

	ProcessUsage(SwitchboardProcess process) {
		this.process = process;
		this.startCpuMillis = process.cpuMillis();
		sample();
	}

	void sample() {
		long resident = this.process.residentBytes();
		if (resident > 0) {
			this.maxResident = Math.max(this.maxResident, resident);
			this.residentSum += resident;
			this.samples++;
		}
	}

	long maxResidentMb() {
		return this.maxResident / (1024 * 1024);
	}

	/**
	 * Adds the figures.
	 * @param report where
	 * @param prefix e.g. {@code ingest}
	 */
	void report(ScenarioReport report, String prefix) {
		sample();
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		report.figure(prefix + "_switchboard_rss_max_mb", maxResidentMb());
		report.figure(prefix + "_switchboard_rss_mean_mb",
				(this.samples > 0) ? this.residentSum / this.samples / (1024 * 1024) : -1);
		report.figure(prefix + "_switchboard_cpu_cores",
				(this.process.cpuMillis() - this.startCpuMillis) / 1000.0 / seconds);
	}

}
