package io.switchboard.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the running API over real HTTP (Reactor Netty), as curl would.
 */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient http;

	private final String base;

	/**
	 * A client that opens a connection for each request, as curl does. Keeping
	 * connections alive is tested on its own ({@link #keptAlive(int)}): Reactor Netty
	 * 1.3.6 stalls a kept-alive connection now and then (much like reactor-netty#4361),
	 * which would otherwise make any test here time out now and then.
	 * @param port the API's port
	 */
	public ApiClient(int port) {
		this(port, HttpClient.newConnection());
	}

	private ApiClient(int port, HttpClient client) {
		this.base = "http://127.0.0.1:" + port;
		this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
	}

	/**
	 * A client that keeps connections alive and reuses them, as webhook senders do.
	 * @param port the API's port
	 * @return the client
	 */
	public static ApiClient keptAlive(int port) {
		return new ApiClient(port, HttpClient.create());
	}

	public Response send(String method, String path, Object body, String authorization) {
		return send(method, path, body, authorization, Map.of());
	}

	public Response send(String method, String path, Object body, String authorization, Map<String, String> headers) {
		WebClient.RequestBodySpec request = this.http.method(HttpMethod.valueOf(method))
			.uri(URI.create(path.startsWith("http") ? path : this.base + path))
			.header("Content-Type", "application/json")
			.headers((all) -> {
				if (authorization != null) {
					all.set("Authorization", authorization);
				}
				headers.forEach(all::set);
			});
		WebClient.RequestHeadersSpec<?> ready = (body == null) ? request
				: request.bodyValue((body instanceof String text) ? text : JSON.writeValueAsString(body));
		return ready
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.statusCode().value(), text,
						response.headers().contentType().map(Object::toString).orElse(""),
						response.headers().asHttpHeaders())))
			.block(Duration.ofSeconds(20));
	}

	/**
	 * Signs up a new tenant and mints its owner a token.
	 * @param name the tenant's name, also the start of the owner's email
	 * @param scopes the token's scopes
	 * @return the {@code Authorization} value that carries the token
	 */
	public String signUpWithToken(String name, List<String> scopes) {
		String email = name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
		send("POST", "/api/v1/signup", Map.of("tenantName", name, "email", email, "password", "correct horse battery"),
				null);
		return bearer(send("POST", "/api/v1/tokens", Map.of("name", "t", "scopes", scopes),
				basic(email, "correct horse battery"))
			.text("token"));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public record Response(int status, String body, String contentType, HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		/**
		 * Asserts a 400 {@code validation-failed} problem document that names a field.
		 * @param field the field
		 */
		public void assertRefused(String field) {
			assertThat(this.status).as(this.body).isEqualTo(400);
			assertThat(this.contentType).startsWith("application/problem+json");
			assertThat(text("code")).isEqualTo("validation-failed");
			assertThat(json().path("errors").findValuesAsString("field")).as(this.body).contains(field);
		}

	}

}
