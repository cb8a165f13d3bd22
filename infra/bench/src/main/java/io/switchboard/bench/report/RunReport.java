package io.switchboard.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole run: where and when it ran, how, and each scenario's report.
 */
public final class RunReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Instant started = Instant.now();

	private final String command;

	private final Map<String, Object> setup;

	private final List<ScenarioReport> scenarios = new ArrayList<>();

	/**
	 * A report.
	 * @param command the command line that made it
	 * @param setup settings of the run (durations, rates, versions)
	 */
	public RunReport(String command, Map<String, Object> setup) {
		this.command = command;
		this.setup = setup;
	}

	public void add(ScenarioReport scenario) {
		this.scenarios.add(scenario);
	}

	public List<ScenarioReport> scenarios() {
		return this.scenarios;
	}

	/**
	 * Writes the JSON file.
	 * @param file where
	 */
	public void write(Path file) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("started", this.started.toString());
		root.put("finished", Instant.now().toString());
		root.put("command", this.command);
		root.put("machine", machine());
		root.put("setup", this.setup);
		Map<String, Object> results = new LinkedHashMap<>();
		for (ScenarioReport scenario : this.scenarios) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("figures", scenario.figures());
			entry.put("targets", scenario.targets());
			entry.put("notes", scenario.notes());
			results.put(scenario.name(), entry);
		}
		root.put("scenarios", results);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, JSON.writeValueAsString(root));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Prints the figures and the targets as tables.
	 * @param out where
	 */
	public void print(PrintStream out) {
		out.println();
		out.printf("Switchboard bench, %s, %s%n", this.started, machine());
		for (ScenarioReport scenario : this.scenarios) {
			out.println();
			out.println("== " + scenario.name());
			scenario.figures().forEach((key, value) -> out.printf("  %-36s %s%n", key, value));
			for (ScenarioReport.TargetCheck target : scenario.targets()) {
				out.printf("  %-6s %-52s measured %s (target %s %s)%n", target.met() ? "MET" : "MISSED",
						target.target(), target.measured(), target.comparison(), target.threshold());
			}
			scenario.notes().forEach((note) -> out.println("  note: " + note));
		}
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("memory_mb", totalMemoryMb());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return machine;
	}

	private static long totalMemoryMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux
		}
		return -1;
	}

}
