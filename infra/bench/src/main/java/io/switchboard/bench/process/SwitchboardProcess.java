package io.switchboard.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Switchboard jar running against the harness's PostgreSQL: all roles in one JVM as
 * the README's quick start runs it, or (roles split) the api and ui roles in one and the
 * worker in another, as the split deployment runs them. Figures of CPU and memory are the
 * sum of its processes. Output goes to log files in the work directory.
 */
public final class SwitchboardProcess implements AutoCloseable {

	private final SwitchboardLaunch launch;

	private final List<Process> processes = new ArrayList<>();

	private Process process;

	private SwitchboardProcess(SwitchboardLaunch launch) {
		this.launch = launch;
	}

	/**
	 * Starts Switchboard and waits until it is ready.
	 * @param launch how
	 * @return the running process
	 */
	public static SwitchboardProcess start(SwitchboardLaunch launch) {
		SwitchboardProcess switchboard = new SwitchboardProcess(launch);
		switchboard.startProcess();
		return switchboard;
	}

	private void startProcess() {
		this.processes.clear();
		if (!this.launch.splitRoles()) {
			this.process = startRoles(this.launch.port(), List.of(), this.launch.log());
			return;
		}
		Path log = this.launch.log();
		this.process = startRoles(this.launch.port(), List.of("--switchboard.roles=api,ui"), log);
		startRoles(this.launch.workerPort(), List.of("--switchboard.roles=worker"),
				log.resolveSibling(log.getFileName().toString().replace(".log", "-worker.log")));
	}

	private Process startRoles(int port, List<String> roles, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.launch.jvmOptions());
		command.addAll(List.of("-jar", this.launch.jar().toString(), "--server.port=" + port));
		if (this.launch.r2dbcUrl() != null) {
			command.addAll(List.of("--spring.r2dbc.url=" + this.launch.r2dbcUrl(), "--spring.r2dbc.username=postgres"));
		}
		command.addAll(List.of("--switchboard.egress.allow-private-networks=true",
				// The harness measures capacity,
				// not the per-source and per-caller limiters.
				"--switchboard.inbound.rate-limit-per-second=1000000",
				"--switchboard.api.rate-limit-per-second=1000000", "--switchboard.api.rate-limit-burst=1000000",
				"--switchboard.public-url=" + baseUrl()));
		command.addAll(roles);
		command.addAll(this.launch.arguments());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("SWITCHBOARD_SECRETS_MASTER_KEY", this.launch.masterKey());
		Process started;
		try {
			Files.createDirectories(log.getParent());
			started = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.launch.jar(), ex);
		}
		this.processes.add(started);
		awaitReady(started, port, log, Duration.ofSeconds(120));
		return started;
	}

	private static void awaitReady(Process process, int port, Path log, Duration limit) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Switchboard exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause(200);
		}
		throw new IllegalStateException("Switchboard was not ready within " + limit + "; see " + log);
	}

	/**
	 * Where it listens.
	 * @return e.g. {@code http://127.0.0.1:18080}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.launch.port();
	}

	/**
	 * The operating-system id of the process that serves HTTP.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Its resident memory now, from {@code /proc/<pid>/status}, summed over its
	 * processes.
	 * @return VmRSS in bytes, or -1 when it cannot be read
	 */
	public long residentBytes() {
		long total = 0;
		for (Process each : this.processes) {
			long resident = residentBytes(each.pid());
			if (resident < 0) {
				return -1;
			}
			total += resident;
		}
		return total;
	}

	private static long residentBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// gone, or not Linux
		}
		return -1;
	}

	/**
	 * CPU time its processes used so far.
	 * @return user + system time in milliseconds, or -1
	 */
	public long cpuMillis() {
		long total = 0;
		for (Process each : this.processes) {
			long millis = CpuClock.processMillis(each.pid());
			if (millis < 0) {
				return -1;
			}
			total += millis;
		}
		return total;
	}

	/**
	 * CPU time its processes' JIT compilers used so far.
	 * @return milliseconds
	 */
	public long compilerMillis() {
		return this.processes.stream().mapToLong((each) -> CpuClock.compilerMillis(each.pid())).sum();
	}

	/** {@code kill -9} of every process: no shutdown hook, no drain, as a crash. */
	public void kill() {
		this.processes.forEach(Process::destroyForcibly);
		waitForExit();
	}

	/**
	 * Starts it again after {@link #kill()} or {@link #close()}, with the same settings.
	 */
	public void restart() {
		startProcess();
	}

	@Override
	public void close() {
		this.processes.stream().filter(Process::isAlive).forEach(Process::destroy);
		waitForExit();
	}

	private void waitForExit() {
		try {
			for (Process each : this.processes) {
				each.waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
