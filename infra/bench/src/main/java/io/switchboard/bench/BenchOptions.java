package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line:
 * {@code [scenario…|all] [--duration S] [--smoke] [--jar PATH] [--out DIR]
 * [--jvm-options "…"] [--split-roles] [--quick-start] [--warm-up S]}.
 *
 * @param scenarios the scenarios to run, in order
 * @param duration each load phase's length
 * @param smoke seconds at low rates instead of the figures
 * @param jar the Switchboard jar
 * @param outputDirectory where the JSON, logs and plans go
 * @param jvmOptions Switchboard's JVM options
 * @param splitRoles the worker in a process of its own, beside one with the api and ui
 * roles, instead of every role in one process
 * @param warmUp the unmeasured load before the first scenario, or {@code null} for the
 * settings' own
 * @param quickStart Switchboard as the README's quick start runs it, on its own embedded
 * PostgreSQL, instead of on the harness's
 */
record BenchOptions(List<String> scenarios, Duration duration, boolean smoke, Path jar, Path outputDirectory,
		List<String> jvmOptions, boolean splitRoles, Duration warmUp, boolean quickStart) {

	/** The heap settings the README recommends for one process with every role. */
	static final String DEFAULT_JVM_OPTIONS = "-Xms256m -Xmx256m";

	static BenchOptions parse(String... args) {
		List<String> scenarios = new ArrayList<>();
		Long seconds = null;
		boolean smoke = false;
		boolean splitRoles = false;
		boolean quickStart = false;
		Duration warmUp = null;
		Path jar = Path.of("app/target/switchboard.jar");
		Path out = null;
		String jvmOptions = DEFAULT_JVM_OPTIONS;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--duration" -> seconds = Long.parseLong(args[++i]);
				case "--smoke" -> smoke = true;
				case "--split-roles" -> splitRoles = true;
				case "--quick-start" -> quickStart = true;
				case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(args[++i]));
				case "--jar" -> jar = Path.of(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--jvm-options" -> jvmOptions = args[++i];
				default -> {
					if (args[i].startsWith("--")) {
						throw new IllegalArgumentException("Unknown option " + args[i]);
					}
					scenarios.add(args[i]);
				}
			}
		}
		if (quickStart && splitRoles) {
			throw new IllegalArgumentException("--quick-start runs every role in one process, with its embedded "
					+ "database: it cannot split roles");
		}
		if (scenarios.isEmpty() || scenarios.contains("all")) {
			scenarios = List.of("all");
		}
		Duration duration = Duration.ofSeconds((seconds != null) ? seconds : (smoke ? 5 : 60));
		if (out == null) {
			String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
				.withZone(ZoneOffset.UTC)
				.format(Instant.now());
			out = Path.of(smoke ? "infra/bench/target/smoke" : "infra/bench/results", stamp);
		}
		return new BenchOptions(scenarios, duration, smoke, jar, out,
				Arrays.stream(jvmOptions.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList(),
				splitRoles, warmUp, quickStart);
	}

}
