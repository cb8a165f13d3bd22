package io.switchboard.app.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.app.SwitchboardApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API and the portal apply the same business rules: the same bad input is
 * refused in both with the same message for each field, and the same change leaves the
 * same snapshot in the audit log, whichever face made it.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SameRulesBothFacesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ERROR = Pattern.compile("<p class=\"error\"[^>]*>([^<]*)</p>");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	private PortalSession portal;

	private String bearer;

	@BeforeEach
	void signUp() throws Exception {
		String email = "rules-" + UUID.randomUUID() + "@example.com";
		this.portal = PortalSession.signedUp("http://127.0.0.1:" + this.port, "Rules Co", email, PASSWORD);
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = send("POST", "/api/v1/tokens", Map.of("name", "rules", "scopes",
				List.of("sources:write", "destinations:write", "routes:write", "tokens:write")), basic);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
		this.bearer = "Bearer " + JSON.readTree(token.body()).path("token").asString();
	}

	@Test
	void badDestinationIsRefusedWithTheSameMessagesInBothFaces() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "custom");
		body.put("name", " ");
		body.put("url", "ftp://receiver.example/in");
		body.put("signatureStyle", "svix");
		body.put("retryDelaysMs", List.of(5_000, 90_000_000));
		body.put("timeoutMs", 50);
		body.put("maxInFlight", 5_000);
		body.put("headers", Map.of("Webhook-Signature", "forged"));
		Map<String, String> api = apiErrors("/api/v1/destinations", body);
		assertThat(api).containsOnlyKeys("name", "url", "signatureStyle", "retryDelaysMs", "timeoutMs", "maxInFlight",
				"headers");

		this.portal.get("/destinations/new?kind=custom");
		HttpResponse<String> page = this.portal.post("/destinations",
				form("kind", "custom", "name", " ", "url", "ftp://receiver.example/in", "signatureStyle", "svix",
						"payloadFormat", "original", "retrySchedule", "5s, 25h", "timeoutMs", "50",
						"rateLimitPerSecond", "", "maxInFlight", "5000", "headers", "Webhook-Signature: forged"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(portalErrors(page)).containsExactlyInAnyOrderElementsOf(api.values());
	}

	@Test
	void badSourceIsRefusedWithTheSameMessagesInBothFaces() throws Exception {
		Map<String, String> api = apiErrors("/api/v1/sources", Map.of("provider", "hmac", "name", "", "secret", "short",
				"hmac", Map.of("header", "Bad Header!", "algorithm", "md5", "encoding", "hex")));
		assertThat(api).containsOnlyKeys("name", "secret", "hmac.header", "hmac.algorithm");

		this.portal.get("/sources/new");
		HttpResponse<String> page = this.portal.post("/sources", form("provider", "hmac", "name", "", "secret", "short",
				"hmacHeader", "Bad Header!", "hmacAlgorithm", "md5", "hmacEncoding", "hex", "hmacPrefix", ""));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(portalErrors(page)).containsExactlyInAnyOrderElementsOf(api.values());
	}

	@Test
	void badRouteIsRefusedWithTheSameMessagesInBothFaces() throws Exception {
		Map<String, String> api = apiErrors("/api/v1/routes", Map.of("sourceId", "src_nothing", "destinationId",
				"not-an-id", "eventTypes", List.of("call..x"), "ordering", "sorted"));
		assertThat(api).containsOnlyKeys("sourceId", "destinationId", "eventTypes", "ordering");

		this.portal.get("/routes");
		HttpResponse<String> page = this.portal.post("/routes", form("sourceId", "src_nothing", "destinationId",
				"not-an-id", "eventTypes", "call..x", "ordering", "sorted"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(portalErrors(page)).containsExactlyInAnyOrderElementsOf(api.values());
	}

	@Test
	void sameChangesLeaveTheSameAuditSnapshotsFromEitherFace() throws Exception {
		JsonNode fromApi = api("POST", "/api/v1/destinations",
				Map.of("kind", "n8n", "name", "Workflow", "url", "https://n8n.example/webhook/calls", "timeoutMs",
						15_000, "retryDelaysMs", List.of(5_000, 300_000), "headers", Map.of("X-Api-Key", "k-1")));
		String apiDestination = fromApi.path("id").asString();
		api("PATCH", "/api/v1/destinations/" + apiDestination, Map.of("name", "Workflow (paused)"));
		api("PATCH", "/api/v1/destinations/" + apiDestination, Map.of("enabled", false));
		JsonNode source = api("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Line one"));
		api("POST", "/api/v1/routes", Map.of("sourceId", source.path("id").asString(), "destinationId", apiDestination,
				"eventTypes", List.of("call.*"), "ordering", "per-call"));
		api("PATCH", "/api/v1/sources/" + source.path("id").asString(), Map.of("enabled", false));

		this.portal.get("/destinations/new?kind=n8n");
		String portalDestination = this.portal
			.post("/destinations", form("kind", "n8n", "name", "Workflow", "url", "https://n8n.example/webhook/calls",
					"signatureStyle", "standard-webhooks", "payloadFormat", "original", "retrySchedule", "5s, 5m",
					"timeoutMs", "15000", "rateLimitPerSecond", "", "maxInFlight", "10", "headers", "X-Api-Key: k-2"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/destinations/([^?]+).*", "$1");
		this.portal.get("/destinations/" + portalDestination);
		this.portal.post("/destinations/" + portalDestination,
				form("kind", "n8n", "name", "Workflow (paused)", "url", "https://n8n.example/webhook/calls",
						"signatureStyle", "standard-webhooks", "payloadFormat", "original", "retrySchedule", "5s, 5m",
						"timeoutMs", "15000", "rateLimitPerSecond", "", "maxInFlight", "10", "headers", ""));
		this.portal.post("/destinations/" + portalDestination + "/enabled", form("enabled", "false"));
		this.portal.get("/sources/new");
		String portalSource = this.portal.post("/sources", form("provider", "minivoice", "name", "Line one"))
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/sources/([^?]+).*", "$1");
		this.portal.get("/routes");
		this.portal.post("/routes", form("sourceId", portalSource, "destinationId", portalDestination, "eventTypes",
				"call.*", "ordering", "per-call"));
		this.portal.get("/sources/" + portalSource);
		this.portal.post("/sources/" + portalSource + "/enabled", form("enabled", "false"));

		JsonNode log = api("GET", "/api/v1/audit-log?limit=100", null).path("data");
		for (String action : List.of("destination.created", "destination.updated", "source.created", "source.updated",
				"route.created")) {
			List<JsonNode> entries = new ArrayList<>();
			log.forEach((entry) -> {
				if (entry.path("action").asString().equals(action)) {
					entries.add(entry);
				}
			});
			// newest first: the portal's changes, then the API's, in the same order
			int half = entries.size() / 2;
			assertThat(half * 2).as(action).isEqualTo(entries.size()).isPositive();
			for (int i = 0; i < half; i++) {
				JsonNode portalEntry = withoutIds(entries.get(i));
				JsonNode apiEntry = withoutIds(entries.get(half + i));
				assertThat(portalEntry.path("after").isObject()).as(action).isTrue();
				assertThat(portalEntry.path("before")).as(action + " before").isEqualTo(apiEntry.path("before"));
				assertThat(portalEntry.path("after")).as(action + " after").isEqualTo(apiEntry.path("after"));
			}
		}
		assertThat(log.toString()).doesNotContain("k-1").doesNotContain("k-2");
	}

	private JsonNode withoutIds(JsonNode entry) {
		ObjectNode copy = (ObjectNode) entry.deepCopy();
		for (String side : List.of("before", "after")) {
			if (copy.path(side).isObject()) {
				ObjectNode snapshot = (ObjectNode) copy.get(side);
				snapshot.remove(List.of("id", "sourceId", "destinationId"));
			}
		}
		return copy;
	}

	private Map<String, String> apiErrors(String path, Object body) throws Exception {
		HttpResponse<String> response = send("POST", path, body, this.bearer);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("validation-failed");
		Map<String, String> errors = new LinkedHashMap<>();
		problem.path("errors")
			.forEach((error) -> errors.put(error.path("field").asString(), error.path("message").asString()));
		return errors;
	}

	private JsonNode api(String method, String path, Object body) throws Exception {
		HttpResponse<String> response = send(method, path, body, this.bearer);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, Object body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> portalErrors(HttpResponse<String> page) {
		List<String> messages = new ArrayList<>();
		Matcher error = ERROR.matcher(page.body());
		while (error.find()) {
			messages.add(unescaped(error.group(1)));
		}
		return messages;
	}

	private static String unescaped(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

}
