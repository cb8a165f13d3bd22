package io.switchboard.api.openapi;

import java.util.List;

import io.switchboard.api.ApiEndpoints;
import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.api.ApiEndpoints.Endpoint;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI, open without a token, describe every
 * {@code /api/v1} endpoint the application maps.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void documentDescribesEveryEndpointWithSummaryScopeAndProblems() {
		Response spec = this.api.send("GET", "/v3/api-docs", null, null);
		assertThat(spec.status()).as(spec.body()).isEqualTo(200);
		JsonNode paths = spec.json().path("paths");
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi-debug.json"), spec.body());
		}
		catch (Exception ex) {
		}
		List<Endpoint> endpoints = ApiEndpoints.of(this.context);
		assertThat(endpoints).hasSizeGreaterThan(20);
		for (Endpoint endpoint : endpoints) {
			JsonNode operation = paths.path(endpoint.path()).path(endpoint.method().name().toLowerCase());
			assertThat(operation.isObject()).as("%s is in the OpenAPI document", endpoint).isTrue();
			assertThat(operation.path("summary").asString()).as("summary of %s", endpoint).isNotBlank();
			JsonNode responses = operation.path("responses");
			assertThat(responses.path("429").path("content").has("application/problem+json"))
				.as("429 problem of %s", endpoint)
				.isTrue();
			if (endpoint.path().contains("{")) {
				assertThat(responses.has("404")).as("404 of %s", endpoint).isTrue();
			}
			if (!endpoint.path().equals("/api/v1/signup")) {
				assertThat(responses.path("401").path("content").has("application/problem+json"))
					.as("401 problem of %s", endpoint)
					.isTrue();
				assertThat(operation.path("security").get(0).has("bearer")).as("bearer on %s", endpoint).isTrue();
			}
		}
		JsonNode listSources = paths.path("/api/v1/sources").path("get");
		assertThat(listSources.path("summary").asString()).isEqualTo("List sources");
		assertThat(listSources.path("security").get(0).path("bearer").get(0).asString()).isEqualTo("sources:write");
		assertThat(listSources.path("description").asString()).contains("sources:write");
		assertThat(paths.path("/api/v1/tokens").path("post").path("security").get(1).has("basic")).isTrue();
		assertThat(paths.path("/api/v1/signup").path("post").path("security").size()).isZero();
		assertThat(spec.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(spec.json().path("components").path("schemas").path("Problem").path("properties").has("code"))
			.as(spec.json().path("components").toString())
			.isTrue();
		assertThat(paths.has("/in/{token}")).isFalse();
	}

	@Test
	void swaggerUiIsServedWithoutAToken() {
		Response redirect = this.api.send("GET", "/swagger-ui.html", null, null);
		assertThat(redirect.status()).as(redirect.body()).isIn(200, 302);
		Response page = this.api.send("GET", "/webjars/swagger-ui/index.html", null, null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		Response config = this.api.send("GET", "/v3/api-docs/swagger-config", null, null);
		assertThat(config.status()).as(config.body()).isEqualTo(200);
		assertThat(config.text("url")).isEqualTo("/v3/api-docs");
	}

}
