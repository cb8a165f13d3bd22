package io.switchboard.bench.scenario;

import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.postgres.BenchPostgres;
import io.switchboard.bench.process.CpuClock;
import io.switchboard.bench.process.SwitchboardProcess;

/**
 * Switchboard's resident memory (sampled about once a second) and where the machine's CPU
 * went over a load phase: Switchboard, PostgreSQL, the harness, and everything else (on a
 * shared machine, other people's work).
 */
final class ProcessUsage {

	private final SwitchboardProcess process;

	private final BenchPostgres postgres;

	private final long startMachineMillis = CpuClock.machineBusyMillis();

	private final long startPostgresMillis;

	private final long startHarnessMillis = CpuClock.processMillis(ProcessHandle.current().pid());

	private final long startNanos = System.nanoTime();

	private final long startCpuMillis;

	private final long startCompilerMillis;

	private long maxResident;

	private long residentSum;

	private int samples;

	ProcessUsage(BenchRun run) {
		this.process = run.switchboard();
		this.postgres = run.postgres();
		this.startPostgresMillis = this.postgres.cpuMillis();
		this.startCpuMillis = this.process.cpuMillis();
		this.startCompilerMillis = this.process.compilerMillis();
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
	 * @return the CPU cores Switchboard used on average
	 */
	double report(ScenarioReport report, String prefix) {
		sample();
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		report.figure(prefix + "_switchboard_rss_max_mb", maxResidentMb());
		report.figure(prefix + "_switchboard_rss_mean_mb",
				(this.samples > 0) ? this.residentSum / this.samples / (1024 * 1024) : -1);
		double switchboard = (this.process.cpuMillis() - this.startCpuMillis) / 1000.0 / seconds;
		double database = (this.postgres.cpuMillis() - this.startPostgresMillis) / 1000.0 / seconds;
		double harness = (CpuClock.processMillis(ProcessHandle.current().pid()) - this.startHarnessMillis) / 1000.0
				/ seconds;
		double machine = (CpuClock.machineBusyMillis() - this.startMachineMillis) / 1000.0 / seconds;
		report.figure(prefix + "_switchboard_cpu_cores", switchboard)
			// of which its JIT compilers: warm-up still going on
			.figure(prefix + "_switchboard_jit_cpu_cores",
					(this.process.compilerMillis() - this.startCompilerMillis) / 1000.0 / seconds)
			.figure(prefix + "_postgresql_cpu_cores", database)
			.figure(prefix + "_harness_cpu_cores", harness)
			.figure(prefix + "_machine_busy_cpu_cores", machine)
			.figure(prefix + "_other_processes_cpu_cores", Math.max(0, machine - switchboard - database - harness));
		return switchboard;
	}

}
