package io.switchboard.api.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running API over real HTTP, as curl would.
 */
final class ApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Response send(String method, String path, Object body, String authorization) throws Exception {
		return send(method, path, body, authorization, Map.of());
	}

	Response send(String method, String path, Object body, String authorization, Map<String, String> headers)
			throws Exception {
		HttpRequest.BodyPublisher publisher = (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(
						(body instanceof String text) ? text : JSON.writeValueAsString(body), StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : this.base + path))
			.timeout(java.time.Duration.ofSeconds(20))
			.method(method, publisher)
			.header("Content-Type", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		headers.forEach(request::header);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(),
				response.headers().firstValue("Content-Type").orElse(""));
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Response(int status, String body, String contentType) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

	}

}
