package io.switchboard.bench.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios by name, and the order {@code all} runs them in.
 */
public final class Scenarios {

	/**
	 * What {@code all} runs, in this order ({@code memory} reads what ingest and e2e
	 * sampled).
	 */
	public static final List<String> ALL = List.of("ingest", "e2e", "isolation", "deliver", "history", "memory",
			"filter-cost");

	/** What {@code chaos} runs. */
	public static final List<String> CHAOS = List.of("crash", "db-outage", "receiver-outage", "bad-input",
			"noisy-neighbour", "noisy-worker");

	private Scenarios() {
	}

	/**
	 * The names to run.
	 * @param requested names from the command line, or {@code all}
	 * @return the names, {@code all} expanded
	 */
	public static List<String> expand(List<String> requested) {
		List<String> names = new ArrayList<>();
		for (String name : requested) {
			if (name.equals("all")) {
				names.addAll(ALL);
			}
			else if (name.equals("chaos")) {
				names.addAll(CHAOS);
			}
			else {
				named(name, "");
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * A scenario.
	 * @param name its name
	 * @param jvmOptions Switchboard's JVM options, for the memory report
	 * @return the scenario
	 */
	public static Scenario named(String name, String jvmOptions) {
		return switch (name) {
			case "ingest" -> new IngestScenario();
			case "e2e" -> new E2eScenario();
			case "isolation" -> new IsolationScenario();
			case "deliver" -> new DeliverScenario();
			case "history" -> new HistoryScenario();
			case "memory" -> new MemoryScenario(jvmOptions);
			case "crash" -> new CrashScenario();
			case "db-outage" -> new DatabaseOutageScenario();
			case "receiver-outage" -> new ReceiverOutageScenario();
			case "bad-input" -> new BadInputScenario();
			case "noisy-neighbour" -> new NoisyNeighbourScenario();
			case "noisy-worker" -> new NoisyWorkerScenario();
			case "filter-cost" -> new FilterCostScenario();
			default -> throw new IllegalArgumentException(
					"Unknown scenario '" + name + "'; known: " + ALL + ", " + CHAOS + ", all, chaos");
		};
	}

}
