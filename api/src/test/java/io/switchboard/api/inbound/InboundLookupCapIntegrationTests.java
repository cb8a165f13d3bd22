package io.switchboard.api.inbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.switchboard.api.ApiIntegrationTestApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every token look-up slot taken (here: none at all), a URL not in the cache is
 * answered 429 with a short {@code Retry-After}: the sender may try again, and the
 * database connections ingest needs are not spent on it. Never a 5xx.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "switchboard.inbound.max-concurrent-token-lookups=0")
class InboundLookupCapIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aLookUpPastTheCapIsToldToComeBackShortly() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/in/AAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(JsonMapper.builder().build().readTree(response.body()).path("code").asString())
			.isEqualTo("rate-limited");
	}

}
