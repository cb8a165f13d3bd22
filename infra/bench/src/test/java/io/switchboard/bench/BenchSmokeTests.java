package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the harness in smoke mode (seconds, low rates) against the jar this build made, so
 * it never rots: every scenario writes its figures, and nothing acknowledged is lost.
 * Performance is reported by full runs, never asserted here.
 */
class BenchSmokeTests {

	private static final Path JAR = Path.of("../../app/target/switchboard.jar");

	@Test
	void smokeRunReportsEveryScenarioAndLosesNothing() throws Exception {
		assertThat(JAR).as("the reactor builds the app jar before this module").exists();
		Path out = Path.of("target/smoke-test");
		Bench.run(
				BenchOptions.parse("ingest", "e2e", "deliver", "history", "memory", "bad-input", "noisy-neighbour",
						"noisy-worker", "--smoke", "--duration", "2", "--jar", JAR.toString(), "--out", out.toString()),
				"smoke test");

		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
		JsonNode scenarios = results.get("scenarios");
		assertThat(scenarios.propertyNames()).containsExactly("ingest", "e2e", "deliver", "history", "memory",
				"bad-input", "noisy-neighbour", "noisy-worker");
		JsonNode noisy = scenarios.get("noisy-neighbour").get("figures");
		assertThat(noisy.get("noise_answers_by_kind_and_status").propertyNames()).isNotEmpty();
		assertThat(noisy.get("noisy_ack_count").asInt()).isPositive();
		assertThat(results.get("machine").get("cpus").asInt()).isPositive();

		JsonNode ingest = scenarios.get("ingest").get("figures");
		assertThat(ingest.get("pgbench_events_per_s").asDouble()).isPositive();
		assertThat(ingest.get("max_events_per_s").asDouble()).isPositive();
		assertThat(ingest.get("fixed_acknowledged").asInt()).isPositive();
		assertThat(ingest.get("ack_p99_ms").isNumber()).isTrue();
		assertThat(scenarios.get("ingest").get("targets")).hasSize(4);
		assertThat(ingest.get("half_pgbench_acknowledged").asInt()).isPositive();

		JsonNode e2e = scenarios.get("e2e").get("figures");
		assertThat(e2e.get("acknowledged").asInt()).isEqualTo(e2e.get("sent").asInt()).isPositive();
		assertThat(e2e.get("lost").asInt()).isZero();
		assertThat(e2e.get("delivered").asInt()).isEqualTo(e2e.get("acknowledged").asInt());
		assertThat(e2e.get("e2e_count").asInt()).isEqualTo(e2e.get("delivered").asInt());

		JsonNode deliver = scenarios.get("deliver").get("figures");
		assertThat(deliver.get("delivered").asInt()).isEqualTo(deliver.get("backlog").asInt()).isPositive();
		assertThat(deliver.get("lost").asInt()).isZero();
		assertThat(scenarios.get("deliver").get("notes").toString()).contains("of statement time");

		JsonNode noisyWorker = scenarios.get("noisy-worker").get("figures");
		assertThat(noisyWorker.get("replay_rows").asInt()).isPositive();
		assertThat(noisyWorker.get("noisy_events_acknowledged").asInt()).isPositive();
		assertThat(noisyWorker.get("noisy_e2e_count").asInt()).isPositive();

		JsonNode history = scenarios.get("history").get("figures");
		assertThat(history.get("deliveries_by_call_p95_ms").isNumber()).isTrue();
		assertThat(Files.readString(out.resolve("history-plans.txt"))).contains("Index", "FROM delivery", "FROM event");

		assertThat(scenarios.get("memory").get("figures").get("e2e_rss_max_mb").asInt()).isPositive();

		// not performance: no bad request may be accepted, answered 5xx or stored
		JsonNode badInput = scenarios.get("bad-input");
		assertThat(badInput.get("figures").get("bad_requests").asInt()).isPositive();
		assertThat(badInput.get("targets")).hasSize(4)
			.allSatisfy((target) -> assertThat(target.get("met").asBoolean()).as(target.toString()).isTrue());
	}

	@Test
	void smokeRunWithTheWorkerInAProcessOfItsOwnDelivers() throws Exception {
		Path out = Path.of("target/smoke-test-split");
		JsonNode results = smokeE2e(out, "--split-roles");

		assertThat(results.get("setup").get("switchboard_processes").asString()).isEqualTo("api,ui + worker");
		assertThat(Files.readString(out.resolve("switchboard-worker.log"))).contains("Delivery worker");
	}

	@Test
	void smokeRunOnTheQuickStartsOwnDatabaseDelivers() throws Exception {
		Path out = Path.of("target/smoke-test-quick-start");
		JsonNode results = smokeE2e(out, "--quick-start");

		assertThat(results.get("setup").get("postgresql").asString()).isEqualTo("the quick start's embedded one");
		assertThat(Files.readString(out.resolve("switchboard.log"))).contains("started embedded PostgreSQL");
		assertThat(results.get("scenarios").get("e2e").get("figures").get("e2e_postgresql_cpu_cores").asDouble())
			.as("measured on the embedded database")
			.isPositive();
		assertThat(out.resolve("quickstart-data")).doesNotExist();
	}

	/**
	 * A smoke run of {@code e2e} with one more option, which must deliver everything it
	 * acknowledged.
	 */
	private static JsonNode smokeE2e(Path out, String option) throws Exception {
		Bench.run(BenchOptions.parse("e2e", option, "--smoke", "--duration", "2", "--jar", JAR.toString(), "--out",
				out.toString()), "smoke test, " + option);
		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
		JsonNode e2e = results.get("scenarios").get("e2e").get("figures");
		assertThat(e2e.get("delivered").asInt()).isEqualTo(e2e.get("acknowledged").asInt()).isPositive();
		assertThat(e2e.get("lost").asInt()).isZero();
		return results;
	}

}
