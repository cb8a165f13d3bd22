package io.switchboard.api.limit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's limits: each caller's rate, the body size and each tenant's quotas.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.api.rate-limit-per-second=0.1", "switchboard.api.rate-limit-burst=4",
				"switchboard.api.max-request-body=2KB", "switchboard.quotas.sources=2" })
class ApiLimitsIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	private int port;

	private ApiClient api;

	private String email;

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		this.email = "limits-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Limits", "email", this.email, "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
	}

	@Test
	void eachTokenHasItsOwnRateAndIsToldWhenToComeBack() {
		String first = token("first");
		String second = token("second");
		for (int i = 0; i < 4; i++) {
			assertThat(get(first).status()).isEqualTo(200);
		}
		Response refused = get(first);
		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("code")).isEqualTo("rate-limited");
		assertThat(Integer.parseInt(refused.headers().getFirst("Retry-After"))).isBetween(1, 10);
		assertThat(get(second).status()).isEqualTo(200);
	}

	@Test
	void aTenantPastItsQuotaOfSourcesIsToldSoAndNothingIsCreated() {
		String token = token("creator");
		for (int i = 0; i < 2; i++) {
			Response created = this.api.send("POST", "/api/v1/sources",
					Map.of("provider", "minivoice", "name", "Source " + i), ApiClient.bearer(token));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		Response refused = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "One more"),
				ApiClient.bearer(token));
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("code")).isEqualTo("quota-exceeded");
		assertThat(refused.text("detail")).startsWith("This organisation already has 2 sources");
		Response list = this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Source 0", "Source 1").doesNotContain("One more");
	}

	@Test
	void bodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
		String token = token("writer");
		String big = "{\"provider\":\"minivoice\",\"name\":\"" + "x".repeat(3000) + "\"}";
		Response declared = this.api.send("POST", "/api/v1/sources", big, ApiClient.bearer(token));
		assertThat(declared.status()).as(declared.body()).isEqualTo(413);
		assertThat(declared.text("code")).isEqualTo("payload-too-large");

		Flux<DataBuffer> chunks = Flux.just(big.substring(0, 1500), big.substring(1500))
			.map((part) -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
		Response chunked = WebClient.create()
			.post()
			.uri(URI.create("http://127.0.0.1:" + this.port + "/api/v1/sources"))
			.header("Content-Type", "application/json")
			.header("Authorization", ApiClient.bearer(token))
			.body(BodyInserters.fromDataBuffers(chunks))
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.map((text) -> new Response(response.statusCode().value(), text,
						response.headers().contentType().map(Object::toString).orElse(""),
						response.headers().asHttpHeaders())))
			.block(Duration.ofSeconds(20));
		assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
		assertThat(chunked.text("code")).isEqualTo("payload-too-large");

		Response small = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Small"),
				ApiClient.bearer(token));
		assertThat(small.status()).as(small.body()).isEqualTo(201);
	}

	private Response get(String token) {
		return this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token));
	}

	private String token(String name) {
		Response issued = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", name, "scopes", List.of("sources:write")), ApiClient.basic(this.email, PASSWORD));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.text("token");
	}

}
