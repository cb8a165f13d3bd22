package io.switchboard.app.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Switchboard's public face for the tests: its REST API with a real token, and a
 * MiniVoice sender that signs as the provider documents say.
 */
final class SwitchboardApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient client;

	private String token;

	SwitchboardApi(String baseUrl) {
		this.client = WebClient.create(baseUrl);
	}

	/**
	 * Signs up a tenant and takes a token with every scope.
	 */
	SwitchboardApi signUp(String email) {
		send("POST", "/api/v1/signup",
				Map.of("tenantName", "Relay " + email, "email", email, "password", "correct horse battery staple"),
				null);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((email + ":correct horse battery staple").getBytes(StandardCharsets.UTF_8));
		this.token = send("POST", "/api/v1/tokens",
				Map.of("name", "tests", "scopes", io.switchboard.core.token.Scope.all()), basic)
			.body()
			.path("token")
			.asString();
		return this;
	}

	Answer call(String method, String path, Object body) {
		return send(method, path, body, "Bearer " + this.token);
	}

	Answer postMiniVoice(String inboundUrl, String secret, String body) throws Exception {
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		return this.client.post()
			.uri(inboundUrl)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-MiniVoice-Timestamp", timestamp)
			.header("X-MiniVoice-Signature", "v1=" + java.util.HexFormat.of().formatHex(signature))
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
						text.isEmpty() ? JSON.missingNode() : JSON.readTree(text))))
			.block(Duration.ofSeconds(30));
	}

	/**
	 * Posts as Minari does: {@code X-Webhook-Signature} the hex HMAC-SHA256 of the raw
	 * body.
	 */
	Answer postMinari(String inboundUrl, String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] signature = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		return this.client.post()
			.uri(inboundUrl)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Webhook-Signature", java.util.HexFormat.of().formatHex(signature))
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
						text.isEmpty() ? JSON.missingNode() : JSON.readTree(text))))
			.block(Duration.ofSeconds(30));
	}

	private Answer send(String method, String path, Object body, String authorization) {
		WebClient.RequestBodySpec request = this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		WebClient.RequestHeadersSpec<?> ready = (body != null) ? request.bodyValue(body) : request;
		return ready
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
						text.isEmpty() ? JSON.missingNode() : JSON.readTree(text))))
			.block(Duration.ofSeconds(30));
	}

	record Answer(int status, HttpHeaders headers, JsonNode body) {

	}

}
