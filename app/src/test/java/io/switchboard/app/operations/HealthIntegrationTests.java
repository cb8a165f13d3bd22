package io.switchboard.app.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.testsupport.StoppablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the database and the worker loop; liveness does not, so an outage
 * takes the process out of the load balancer without restarting it. The test owns its
 * PostgreSQL and stops it.
 */
class HealthIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void readinessFailsWhileTheDatabaseIsDownAndTheWorkerGoesStale() throws Exception {
		try (StoppablePostgres postgres = StoppablePostgres.start(this.dataDir);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class).run(
						"--server.port=0", "--spring.r2dbc.url=" + postgres.r2dbcUrl(),
						"--spring.r2dbc.username=postgres", "--switchboard.worker.poll-interval=200ms",
						"--switchboard.worker.telemetry.stale-after=2s",
						"--management.endpoint.health.show-components=always")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> get(base + "/actuator/health/readiness").statusCode() == 200);
			JsonNode ready = JSON.readTree(get(base + "/actuator/health/readiness").body());
			assertThat(ready.path("components").path("database").path("status").asString()).isEqualTo("UP");
			assertThat(ready.path("components").path("worker").path("status").asString()).isEqualTo("UP");

			// Three outages: every probe answers within its bound,
			// down, coming back and up.
			for (int outage = 0; outage < 3; outage++) {
				postgres.stop();
				await().atMost(Duration.ofSeconds(60))
					.until(() -> get(base + "/actuator/health/readiness").statusCode() == 503);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> "DOWN".equals(JSON.readTree(get(base + "/actuator/health/readiness").body())
						.path("components")
						.path("worker")
						.path("status")
						.asString()));
				JsonNode down = JSON.readTree(get(base + "/actuator/health/readiness").body());
				assertThat(down.path("components").path("database").path("status").asString()).isEqualTo("DOWN");
				assertThat(get(base + "/actuator/health/liveness").statusCode()).as("alive though not ready")
					.isEqualTo(200);

				postgres.restart();
				await().atMost(Duration.ofSeconds(60))
					.until(() -> get(base + "/actuator/health/readiness").statusCode() == 200);
			}
		}
	}

	/**
	 * One probe; it must answer well within a load balancer's usual probe timeout (the
	 * database check is bounded at 2 s), whatever state the database is in.
	 */
	private HttpResponse<String> get(String url) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer " + url)
			.isLessThan(Duration.ofSeconds(5));
		return response;
	}

}
