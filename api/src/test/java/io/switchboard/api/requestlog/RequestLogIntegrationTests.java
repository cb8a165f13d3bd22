package io.switchboard.api.requestlog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One log line per API request, refused ones included, with the caller's tenant; never a
 * password, token, secret or body.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTests {

	private static final String PASSWORD = "correct horse battery " + UUID.randomUUID();

	@LocalServerPort
	private int port;

	@Test
	void eachRequestIsLoggedOnceWithItsTenantAndNoCredentials(CapturedOutput output) throws InterruptedException {
		ApiClient api = new ApiClient(this.port);
		String email = "log-" + UUID.randomUUID() + "@example.com";
		String tenantId = api
			.send("POST", "/api/v1/signup", Map.of("tenantName", "Logs", "email", email, "password", PASSWORD), null)
			.text("tenantId");
		String token = api
			.send("POST", "/api/v1/tokens", Map.of("name", "t", "scopes", List.of("sources:write")),
					ApiClient.basic(email, PASSWORD))
			.text("token");
		Response source = api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "MV"),
				ApiClient.bearer(token));
		assertThat(source.status()).isEqualTo(201);
		assertThat(api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token + "x")).status()).isEqualTo(401);

		// the line is written once the answer has gone out
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (!output.getAll().contains("path=/api/v1/sources status=401") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		String log = output.getAll();
		assertThat(log).contains("request method=POST path=/api/v1/sources status=201")
			.containsPattern("request method=POST path=/api/v1/sources status=201 duration_ms=\\d+ tenant=" + tenantId)
			.contains("request method=GET path=/api/v1/sources status=401");
		assertThat(log.lines().filter((line) -> line.contains("request method=POST path=/api/v1/sources "))).hasSize(1);
		assertThat(log).doesNotContain(PASSWORD)
			.doesNotContain(token)
			.doesNotContain(source.text("secret"))
			.doesNotContain(source.text("inboundUrl"));
	}

}
