package io.switchboard.app.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.switchboard.app.SwitchboardApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process without the api role still answers health probes, and nothing else of
 * actuator.
 */
class FallbackSecurityIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void workerOnlyProcessKeepsHealthOpenAndTheRestClosed() throws Exception {
		try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(SwitchboardApplication.class)
			.run("--switchboard.roles=worker", "--server.port=0")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) worker).getWebServer().getPort();
			assertThat(get(base + "/actuator/health")).isEqualTo(200);
			assertThat(get(base + "/actuator/health/readiness")).isEqualTo(200);
			assertThat(get(base + "/actuator/env")).isIn(401, 403, 404);
			assertThat(get(base + "/api/v1/sources")).isEqualTo(404);
			assertThat(get(base + "/.well-known/jwks.json")).isEqualTo(404);
		}
	}

	private int get(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
