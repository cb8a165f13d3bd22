package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.bench.load.InboundSender;
import io.switchboard.bench.postgres.BenchPostgres;
import io.switchboard.bench.receiver.Receiver;
import io.switchboard.bench.report.RunReport;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.scenario.BenchRun;
import io.switchboard.bench.scenario.BenchSettings;
import io.switchboard.bench.scenario.Scenarios;
import io.switchboard.bench.process.SwitchboardLaunch;
import io.switchboard.bench.process.Processes;
import io.switchboard.bench.process.SwitchboardProcess;

/**
 * Runs the harness: a PostgreSQL of its own, the Switchboard jar against it, the
 * receiver, then the scenarios; prints the table and writes {@code results.json} beside
 * the logs.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		BenchOptions options = BenchOptions.parse(args);
		RunReport report = run(options, String.join(" ", args));
		report.print(System.out);
		System.out.println();
		System.out.println("Results: " + options.outputDirectory().resolve("results.json"));
		System.exit(0);
	}

	/**
	 * Runs the scenarios the options name.
	 * @param options the options
	 * @param command the command line, for the report
	 * @return the report, also written as {@code results.json}
	 */
	public static RunReport run(BenchOptions options, String command) {
		BenchSettings defaults = options.smoke() ? BenchSettings.smoke(options.duration())
				: BenchSettings.full(options.duration());
		BenchSettings settings = (options.warmUp() != null) ? defaults.withWarmUp(options.warmUp()) : defaults;
		Path out = options.outputDirectory().toAbsolutePath();
		createDirectories(out);
		List<String> names = Scenarios.expand(options.scenarios());
		Map<String, Object> setup = new LinkedHashMap<>();
		setup.put("scenarios", names);
		setup.put("settings", settings.toString());
		setup.put("switchboard_jvm_options", String.join(" ", options.jvmOptions()));
		setup.put("switchboard_processes", options.splitRoles() ? "api,ui + worker" : "api,worker,ui");
		RunReport report = new RunReport("infra/bench/run.sh " + command, setup);
		String runId = Long.toString(System.currentTimeMillis(), 36);
		setup.put("postgresql", options.quickStart() ? "the quick start's embedded one" : "the harness's own");
		Path quickStartData = out.resolve("quickstart-data");
		int quickStartDatabasePort = freePort();
		try (BenchPostgres harnessPostgres = options.quickStart() ? null : BenchPostgres.start(out, freePort());
				Receiver receiver = Receiver.start(0);
				InboundSender sender = new InboundSender(512);
				SwitchboardProcess switchboard = SwitchboardProcess.start(new SwitchboardLaunch(
						options.jar().toAbsolutePath(), freePort(),
						options.quickStart() ? null : harnessPostgres.r2dbcUrl(), masterKey(), options.jvmOptions(),
						options.quickStart() ? List.of("--switchboard.data-dir=" + quickStartData,
								"--switchboard.embedded-database.port=" + quickStartDatabasePort) : List.of(),
						out.resolve("switchboard.log"), options.splitRoles() ? freePort() : 0))) {
			BenchPostgres postgres = options.quickStart() ? BenchPostgres.attach(quickStartData.resolve("postgres"),
					quickStartDatabasePort, out.resolve("switchboard.log")) : harnessPostgres;
			setup.put("postgresql_major_version", postgres.version());
			BenchRun run = new BenchRun(settings, postgres, switchboard, receiver, sender, out, runId);
			System.out.println("-- warm-up");
			run.warmUp();
			for (String name : names) {
				System.out.println("-- " + name);
				ScenarioReport scenario = Scenarios.named(name, String.join(" ", options.jvmOptions())).run(run);
				report.add(scenario);
				report.write(out.resolve("results.json"));
			}
		}
		finally {
			if (options.quickStart()) {
				// the embedded database's files, gigabytes after a drain; the logs stay
				Processes.run(List.of("rm", "-rf", quickStartData.toString()));
			}
		}
		report.write(out.resolve("results.json"));
		return report;
	}

	private static String masterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
