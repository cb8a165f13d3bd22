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
 * The Switchboard jar running as its own process against the harness's PostgreSQL, all
 * roles in one JVM as the README's quick start runs it. Its output goes to a log file in
 * the work directory.
 */
public final class SwitchboardProcess implements AutoCloseable {

	private final SwitchboardLaunch launch;

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
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.launch.jvmOptions());
		command.addAll(List.of("-jar", this.launch.jar().toString(), "--server.port=" + this.launch.port(),
				"--spring.r2dbc.url=" + this.launch.r2dbcUrl(), "--spring.r2dbc.username=postgres",
				"--switchboard.egress.allow-private-networks=true",
				// The harness measures capacity,
				// not the per-source and per-caller limiters.
				"--switchboard.inbound.rate-limit-per-second=1000000",
				"--switchboard.api.rate-limit-per-second=1000000", "--switchboard.api.rate-limit-burst=1000000",
				"--switchboard.public-url=" + baseUrl()));
		command.addAll(this.launch.arguments());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.launch.log().toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("SWITCHBOARD_SECRETS_MASTER_KEY", this.launch.masterKey());
		try {
			Files.createDirectories(this.launch.log().getParent());
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.launch.jar(), ex);
		}
		awaitReady(Duration.ofSeconds(120));
	}

	private void awaitReady(Duration limit) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Switchboard exited with " + this.process.exitValue() + "; see " + this.launch.log());
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
		throw new IllegalStateException("Switchboard was not ready within " + limit + "; see " + this.launch.log());
	}

	/**
	 * Where it listens.
	 * @return e.g. {@code http://127.0.0.1:18080}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.launch.port();
	}

	/**
	 * Its operating-system process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Its resident memory now, from {@code /proc/<pid>/status}.
	 * @return VmRSS in bytes, or -1 when it cannot be read
	 */
	public long residentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
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
	 * CPU time the process used so far.
	 * @return user + system time in milliseconds, or -1
	 */
	public long cpuMillis() {
		return CpuClock.processMillis(pid());
	}

	/** {@code kill -9}: no shutdown hook, no drain, as a crash. */
	public void kill() {
		this.process.destroyForcibly();
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
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitForExit();
		}
	}

	private void waitForExit() {
		try {
			this.process.waitFor();
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
