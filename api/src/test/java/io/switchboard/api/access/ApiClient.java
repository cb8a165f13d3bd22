package io.switchboard.api.access;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Talks to the running API over real HTTP (Reactor Netty), as curl would.
 */
final class ApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient http = WebClient.create();

	private final String base;

	ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Response send(String method, String path, Object body, String authorization) {
		return send(method, path, body, authorization, Map.of());
	}

	Response send(String method, String path, Object body, String authorization, Map<String, String> headers) {
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

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Response(int status, String body, String contentType, HttpHeaders headers) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

	}

}
