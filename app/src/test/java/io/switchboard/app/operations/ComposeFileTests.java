package io.switchboard.app.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code docker-compose.yml} and the image it builds. A Compose implementation validates
 * the file when one is installed ({@code .ci/run} installs Debian's
 * {@code docker-compose}; with {@code SWITCHBOARD_REQUIRE_COMPOSE=true} its absence fails
 * the test); the shape the issue asks for is checked on the resolved file either way.
 */
class ComposeFileTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void composeValidatesTheFileInBothProfiles() throws Exception {
		List<String> compose = composeCommand();
		if (compose == null) {
			assertThat(System.getenv("SWITCHBOARD_REQUIRE_COMPOSE")).as("docker-compose or docker compose is required")
				.isNotEqualTo("true");
		}
		assumeThat(compose).as("no Compose implementation installed").isNotNull();
		for (String profile : List.of("single", "split")) {
			Result result = run(compose, profile, "config", "-q");
			assertThat(result.exit()).as(result.output()).isZero();
		}
	}

	@Test
	void databaseAndSwitchboardAreWiredAsTheIssueAsks() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		Map<String, Object> services = map(file.get("services"));
		Map<String, Object> postgres = map(services.get("postgres"));
		assertThat(postgres.get("image")).isEqualTo("postgres:17");
		assertThat(postgres.get("healthcheck")).isNotNull();
		assertThat((List<?>) postgres.get("volumes"))
			.anyMatch((volume) -> volume.toString().startsWith("postgres-data:"));
		assertThat(map(file.get("volumes"))).containsKey("postgres-data");
		List<String> roles = new ArrayList<>();
		for (String name : List.of("switchboard", "api", "worker", "ui")) {
			Map<String, Object> service = map(services.get(name));
			assertThat(map(service.get("build")).get("dockerfile")).as(name).isEqualTo("infra/docker/Dockerfile");
			assertThat(map(map(service.get("depends_on")).get("postgres")).get("condition")).as(name)
				.isEqualTo("service_healthy");
			Map<String, Object> environment = map(service.get("environment"));
			assertThat(environment.get("SPRING_R2DBC_URL").toString()).contains("//postgres:5432/");
			if (!name.equals("switchboard")) {
				assertThat(service.get("profiles")).as(name).isEqualTo(List.of("split"));
				roles.add(String.valueOf(environment.get("SWITCHBOARD_ROLES")));
			}
		}
		assertThat(roles).containsExactly("api", "worker", "ui");
		assertThat(Files.readString(ROOT.resolve(".env"))).contains("COMPOSE_PROFILES=single");
	}

	@Test
	void imageIsBuiltInStagesAndRunsAsNonRootWithAReadinessHealthcheck() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("infra/docker/Dockerfile"));
		assertThat(dockerfile.lines().filter((line) -> line.startsWith("FROM "))).hasSize(2);
		assertThat(dockerfile).contains("./mvnw").containsPattern("(?m)^USER 10001$");
		assertThat(dockerfile).containsPattern("HEALTHCHECK[^\\n]*\\n[^\\n]*/actuator/health/readiness");
	}

	private static List<String> composeCommand() throws InterruptedException {
		for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
			try {
				if (run(candidate, "single", "version").exit() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// not installed
			}
		}
		return null;
	}

	private static Result run(List<String> compose, String profile, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("-f", ROOT.resolve("docker-compose.yml").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
		builder.environment().put("COMPOSE_PROFILES", profile);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private record Result(int exit, String output) {

	}

}
