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
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API and the portal, in one process, hold people to the same rules: they refuse
 * the same bad sign-up and token input with the same messages, field by field, and write
 * the same audit entry for the same change to a token.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BothFacesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern FIELD_ERROR = Pattern
		.compile("<p class=\"error\" id=\"(\\w+)-error\"[^>]*>([^<]*)</p>");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	private String email;

	@BeforeEach
	void signUp() throws Exception {
		this.email = unique("faces");
		HttpResponse<String> signUp = api("POST", "/api/v1/signup",
				Map.of("tenantName", "Faces Co", "email", this.email, "password", PASSWORD), null);
		assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
	}

	@Test
	void badSignUpIsRefusedWithTheSameMessagesByBoth() throws Exception {
		String email = unique("visitor");
		List<Map<String, String>> attempts = List.of(
				Map.of("tenantName", "", "email", "not-an-email", "password", "short"),
				Map.of("tenantName", "x".repeat(201), "email", email + " x", "password", "aaaaaaaaaaaaaaaa"),
				Map.of("tenantName", "Fine", "email", email, "password", "mine " + email + " pw"));
		for (Map<String, String> attempt : attempts) {
			HttpResponse<String> byApi = api("POST", "/api/v1/signup", attempt, null);
			assertThat(byApi.statusCode()).as(byApi.body()).isEqualTo(400);
			PortalSession visitor = new PortalSession(base());
			visitor.get("/signup");
			HttpResponse<String> byPortal = visitor.post("/signup", Map.of("organisation", attempt.get("tenantName"),
					"email", attempt.get("email"), "password", attempt.get("password")));
			assertThat(byPortal.statusCode()).isEqualTo(422);
			Map<String, String> portalErrors = new LinkedHashMap<>(fieldErrors(byPortal));
			portalErrors.put("tenantName", portalErrors.remove("organisation"));
			portalErrors.values().removeIf((message) -> message == null);
			assertThat(portalErrors).as(attempt.toString()).isNotEmpty().isEqualTo(problemErrors(byApi));
		}

		HttpResponse<String> takenByApi = api("POST", "/api/v1/signup",
				Map.of("tenantName", "Again", "email", this.email, "password", PASSWORD), null);
		assertThat(takenByApi.statusCode()).isEqualTo(409);
		PortalSession visitor = new PortalSession(base());
		visitor.get("/signup");
		HttpResponse<String> takenByPortal = visitor.post("/signup",
				Map.of("organisation", "Again", "email", this.email, "password", PASSWORD));
		assertThat(takenByPortal.statusCode()).isEqualTo(409);
		assertThat(fieldErrors(takenByPortal).get("email")).isNotBlank()
			.isEqualTo(JSON.readTree(takenByApi.body()).path("detail").asString());
	}

	@Test
	void badTokenRequestIsRefusedWithTheSameMessagesByBoth() throws Exception {
		PortalSession portal = signedIn();
		List<TokenAttempt> attempts = List.of(new TokenAttempt(" ", List.of(), null),
				new TokenAttempt("Typo", List.of("events:read", "sources:wrte"), 30),
				new TokenAttempt("Forever and a day", List.of("events:read"), 5000));
		for (TokenAttempt attempt : attempts) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", attempt.name());
			body.put("scopes", attempt.scopes());
			body.put("expiresInDays", attempt.expiresInDays());
			HttpResponse<String> byApi = api("POST", "/api/v1/tokens", body, basic());
			assertThat(byApi.statusCode()).as(byApi.body()).isEqualTo(400);
			portal.get("/tokens");
			HttpResponse<String> byPortal = portal.post("/tokens", attempt.form());
			assertThat(byPortal.statusCode()).isEqualTo(422);
			assertThat(fieldErrors(byPortal)).as(attempt.toString()).isNotEmpty().isEqualTo(problemErrors(byApi));
		}
	}

	@Test
	void theSameTokenChangeIsAuditedAlikeByBoth() throws Exception {
		PortalSession portal = signedIn();
		TokenAttempt reports = new TokenAttempt("Reports", List.of("deliveries:read", "events:read"), null);
		HttpResponse<String> byApi = api("POST", "/api/v1/tokens",
				Map.of("name", reports.name(), "scopes", reports.scopes()), basic());
		assertThat(byApi.statusCode()).as(byApi.body()).isEqualTo(201);
		String apiTokenId = JSON.readTree(byApi.body()).path("id").asString();
		portal.get("/tokens");
		assertThat(portal.post("/tokens", reports.form()).statusCode()).isEqualTo(200);
		JsonNode created = auditLog("token.created");
		JsonNode viaApi = entryFor(created, apiTokenId);
		JsonNode viaPortal = otherThan(created, apiTokenId);
		assertThat(viaApi.path("after").path("scopes").toString()).isEqualTo("[\"events:read\",\"deliveries:read\"]");
		assertSameChange(viaApi, viaPortal);

		String portalTokenId = viaPortal.path("resourceId").asString();
		assertThat(api("DELETE", "/api/v1/tokens/" + apiTokenId, null, basic()).statusCode()).isEqualTo(204);
		portal.get("/tokens");
		assertThat(portal.post("/tokens/" + portalTokenId + "/revoke", Map.of()).statusCode()).isEqualTo(303);
		JsonNode revoked = auditLog("token.revoked");
		assertSameChange(entryFor(revoked, apiTokenId), entryFor(revoked, portalTokenId));
	}

	/**
	 * Two audit entries for the same change to two tokens by the same member (with HTTP
	 * Basic in the API, signed in to the portal): the same but for the token's id and
	 * when it was issued.
	 */
	private static void assertSameChange(JsonNode one, JsonNode other) {
		assertThat(one.path("action").asString()).isEqualTo(other.path("action").asString());
		assertThat(one.path("actor").asString()).startsWith("usr_").isEqualTo(other.path("actor").asString());
		assertThat(one.path("resourceType").asString()).isEqualTo("token")
			.isEqualTo(other.path("resourceType").asString());
		for (String version : List.of("before", "after")) {
			assertThat(comparable(one.path(version))).as(version).isEqualTo(comparable(other.path(version)));
		}
	}

	private static JsonNode comparable(JsonNode token) {
		if (!token.isObject()) {
			return token;
		}
		ObjectNode copy = ((ObjectNode) token).deepCopy();
		assertThat(copy.path("id").asString()).startsWith("tok_");
		assertThat(copy.path("createdAt").asString()).isNotBlank();
		copy.remove("id");
		copy.remove("createdAt");
		return copy;
	}

	private JsonNode auditLog(String action) throws Exception {
		HttpResponse<String> log = api("GET", "/api/v1/audit-log?limit=100", null, bearer(adminToken()));
		assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		JSON.readTree(log.body()).path("data").forEach((entry) -> {
			if (entry.path("action").asString().equals(action)) {
				entries.add(entry);
			}
		});
		return JSON.valueToTree(entries);
	}

	private static JsonNode entryFor(JsonNode entries, String tokenId) {
		for (JsonNode entry : entries) {
			if (entry.path("resourceId").asString().equals(tokenId)) {
				return entry;
			}
		}
		throw new AssertionError("No entry for " + tokenId + " in " + entries);
	}

	private static JsonNode otherThan(JsonNode entries, String tokenId) {
		for (JsonNode entry : entries) {
			if (!entry.path("resourceId").asString().equals(tokenId)
					&& entry.path("after").path("name").asString().equals("Reports")) {
				return entry;
			}
		}
		throw new AssertionError("No other entry than " + tokenId + " in " + entries);
	}

	private String adminTokenValue;

	/**
	 * A token of the member with every scope, to read the audit log and revoke with.
	 */
	private String adminToken() throws Exception {
		if (this.adminTokenValue == null) {
			HttpResponse<String> issued = api("POST", "/api/v1/tokens",
					Map.of("name", "Auditor", "scopes", List.of("tokens:write", "events:read")), basic());
			assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
			this.adminTokenValue = JSON.readTree(issued.body()).path("token").asString();
		}
		return this.adminTokenValue;
	}

	private PortalSession signedIn() throws Exception {
		PortalSession portal = new PortalSession(base());
		assertThat(portal.signIn(this.email, PASSWORD).statusCode()).isEqualTo(302);
		return portal;
	}

	private static Map<String, String> fieldErrors(HttpResponse<String> page) {
		Map<String, String> errors = new LinkedHashMap<>();
		Matcher error = FIELD_ERROR.matcher(page.body());
		while (error.find()) {
			errors.put(error.group(1), HtmlUtils.htmlUnescape(error.group(2)));
		}
		return errors;
	}

	private static Map<String, String> problemErrors(HttpResponse<String> problem) {
		JsonNode body = JSON.readTree(problem.body());
		assertThat(body.path("code").asString()).as(problem.body()).isEqualTo("validation-failed");
		Map<String, String> errors = new LinkedHashMap<>();
		body.path("errors")
			.forEach((error) -> errors.put(error.path("field").asString(), error.path("message").asString()));
		return errors;
	}

	private HttpResponse<String> api(String method, String path, Object body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString((this.email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String unique(String who) {
		return who + "-" + UUID.randomUUID() + "@example.com";
	}

	/**
	 * A request for a token, as JSON for the API or as the portal's form.
	 *
	 * @param name its name
	 * @param scopes the scopes asked for (ticked)
	 * @param expiresInDays days until it expires, {@code null} for never
	 */
	record TokenAttempt(String name, List<String> scopes, Integer expiresInDays) {

		List<Map.Entry<String, String>> form() {
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			fields.add(Map.entry("name", this.name));
			this.scopes.forEach((scope) -> fields.add(Map.entry("scopes", scope)));
			fields.add(Map.entry("expiresInDays", (this.expiresInDays != null) ? this.expiresInDays.toString() : "0"));
			return fields;
		}

	}

}
