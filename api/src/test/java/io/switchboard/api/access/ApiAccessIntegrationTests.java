package io.switchboard.api.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.TokenMaker;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API over real HTTP: from nothing to a working relay with requests alone, and
 * every way a request can be refused.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiAccessIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	private int port;

	@Autowired
	private ApiTokens apiTokens;

	private ApiClient api;

	private String email;

	private String token;

	private String userId;

	@BeforeEach
	void signUpAndGetAToken() throws Exception {
		this.api = new ApiClient(this.port);
		this.email = "owner-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Acme Calls", "email", this.email, "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		assertThat(signup.text("tenantId")).startsWith("ten_");
		this.userId = signup.text("userId");
		Response issued = this.api.send(
				"POST", "/api/v1/tokens", Map.of("name", "setup", "scopes", List.of("sources:write",
						"destinations:write", "routes:write", "tokens:write", "events:read", "deliveries:replay")),
				ApiClient.basic(this.email, PASSWORD));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		this.token = issued.text("token");
		assertThat(issued.text("id")).startsWith("tok_");
	}

	@Test
	void fromNothingToAWorkingMiniVoiceToZapierRelay() throws Exception {
		Response source = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main line"),
				bearer());
		assertThat(source.status()).as(source.body()).isEqualTo(201);
		String secret = source.text("secret");
		String inboundUrl = source.text("inboundUrl");
		assertThat(secret).isNotBlank();
		assertThat(inboundUrl).startsWith("http://127.0.0.1:" + this.port + "/in/");
		assertThat(this.api.send("GET", "/api/v1/sources/" + source.text("id"), null, bearer()).body())
			.doesNotContain(secret);

		Response zap = this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "zapier", "name", "CRM zap", "url", "https://hooks.zapier.com/hooks/catch/123/abc/"),
				bearer());
		assertThat(zap.status()).as(zap.body()).isEqualTo(201);
		assertThat(zap.text("signingSecret")).startsWith("whsec_");
		assertThat(zap.json().has("warnings")).isFalse();

		Response route = this.api.send("POST", "/api/v1/routes", Map.of("sourceId", source.text("id"), "destinationId",
				zap.text("id"), "eventTypes", List.of("call.completed")), bearer());
		assertThat(route.status()).as(route.body()).isEqualTo(201);

		byte[] body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_1\"}}"
			.getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		Response event = this.api.send("POST", inboundUrl, new String(body, StandardCharsets.UTF_8), null,
				Map.of("X-MiniVoice-Timestamp", timestamp, "X-MiniVoice-Signature",
						io.switchboard.api.inbound.OpenSslAccess.miniVoiceSignature(secret, timestamp, body)));
		assertThat(event.status()).as(event.body()).isEqualTo(200);
		assertThat(deliveriesTo(zap.text("id"))).isEqualTo(1);
		Response stored = this.api.send("GET", "/api/v1/events/" + event.text("event_id"), null, bearer());
		assertThat(stored.status()).as(stored.body()).isEqualTo(200);
		assertThat(stored.text("body")).isEqualTo(new String(body, StandardCharsets.UTF_8));
		assertThat(stored.text("eventType")).isEqualTo("call.completed");
		assertThat(stored.json().path("headers").path("x-minivoice-signature").asString()).startsWith("v1=");
		assertThat(stored.json().path("deliveries").get(0).path("destinationId").asString()).isEqualTo(zap.text("id"));
		assertThat(stored.json().path("deliveries").get(0).path("status").asString()).isEqualTo("pending");

		String deliveryId = stored.json().path("deliveries").get(0).path("id").asString();
		Response early = this.api.send("POST", "/api/v1/deliveries/" + deliveryId + "/replay", null, bearer());
		assertProblem(early, 409, "not-replayable");
		markDead(deliveryId);
		Response replay = this.api.send("POST", "/api/v1/deliveries/" + deliveryId + "/replay", null, bearer());
		assertThat(replay.status()).as(replay.body()).isEqualTo(202);
		assertThat(replay.json().path("series").asInt()).isEqualTo(2);
		assertThat(replay.text("status")).isEqualTo("pending");
	}

	@Test
	void minariSourceWaitsForTheSecretMinariShows() throws Exception {
		Response source = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minari", "name", "Minari"),
				bearer());
		assertThat(source.status()).as(source.body()).isEqualTo(201);
		assertThat(source.json().path("awaitingSecret").asBoolean()).isTrue();
		assertThat(source.json().has("secret")).isFalse();
		String body = "{\"event\":\"call.completed\",\"call\":{\"status\":\"connected\"}}";
		String signature = io.switchboard.api.inbound.OpenSslAccess.hmacSha256Hex("minari-shown-secret",
				body.getBytes(StandardCharsets.UTF_8));
		Response early = this.api.send("POST", source.text("inboundUrl"), body, null,
				Map.of("X-Webhook-Signature", signature));
		assertThat(early.status()).isEqualTo(401);
		assertThat(early.text("code")).isEqualTo("secret-not-configured");
		Response patched = this.api.send("PATCH", "/api/v1/sources/" + source.text("id"),
				Map.of("secret", "minari-shown-secret"), bearer());
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("awaitingSecret").asBoolean()).isFalse();
		assertThat(
				this.api.send("POST", source.text("inboundUrl"), body, null, Map.of("X-Webhook-Signature", signature))
					.status())
			.isEqualTo(200);
	}

	@Test
	void requestsWithoutValidTokensAreRefused() throws Exception {
		assertProblem(this.api.send("GET", "/api/v1/sources", null, null), 401, "unauthorized");
		String tampered = this.token.substring(0, this.token.length() - 4) + "AAAA";
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(tampered)), 401, "invalid-token");
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer("not.a.jwt")), 401,
				"invalid-token");
		assertProblem(this.api.send("POST", "/api/v1/tokens", Map.of("name", "x", "scopes", List.of("events:read")),
				ApiClient.basic(this.email, "wrong password!")), 401, "invalid-credentials");
	}

	@Test
	void expiredAndRevokedTokensAreRefused() throws Exception {
		TenantId tenant = TenantId.parse(tenantOf(this.token));
		TokenMaker owner = new TokenMaker(this.userId, UserId.parse(this.userId), Set.of("sources:write"), null, null);
		String expired = this.apiTokens
			.issue(tenant, owner, "old", List.of("sources:write"), Instant.now().minusSeconds(120))
			.block()
			.token();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(expired)), 401, "invalid-token");

		Response second = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "doomed", "scopes", List.of("sources:write")), bearer());
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(second.text("token"))).status())
			.isEqualTo(200);
		assertThat(this.api.send("DELETE", "/api/v1/tokens/" + second.text("id"), null, bearer()).status())
			.isEqualTo(204);
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(second.text("token"))), 401,
				"invalid-token");
	}

	@Test
	void tooFewScopesIsForbiddenAndScopesCannotBeEscalated() throws Exception {
		Response narrow = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "reader", "scopes", List.of("events:read")), bearer());
		String reader = narrow.text("token");
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(reader)), 403,
				"insufficient-scope");
		assertProblem(
				this.api.send("POST", "/api/v1/tokens",
						Map.of("name", "escalate", "scopes", List.of("deliveries:read")), bearer()),
				403, "insufficient-scope");
		assertProblem(this.api.send("POST", "/api/v1/tokens", Map.of("name", "typo", "scopes", List.of("sources:wrte")),
				bearer()), 400, "validation-failed");
	}

	@Test
	void anotherTenantsIdsAnswerNotFound() throws Exception {
		Response mine = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Mine"),
				bearer());
		String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
		this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Other", "email", otherEmail, "password", PASSWORD), null);
		String other = this.api
			.send("POST", "/api/v1/tokens", Map.of("name", "o", "scopes", List.of("sources:write", "routes:write")),
					ApiClient.basic(otherEmail, PASSWORD))
			.text("token");
		String id = mine.text("id");
		assertProblem(this.api.send("GET", "/api/v1/sources/" + id, null, ApiClient.bearer(other)), 404, "not-found");
		assertProblem(this.api.send("PATCH", "/api/v1/sources/" + id, Map.of("name", "x"), ApiClient.bearer(other)),
				404, "not-found");
		assertProblem(this.api.send("DELETE", "/api/v1/sources/" + id, null, ApiClient.bearer(other)), 404,
				"not-found");
		assertProblem(this.api.send("GET", "/api/v1/sources/src_00000000000000000000000000", null, bearer()), 404,
				"not-found");
		assertProblem(this.api.send("GET", "/api/v1/sources/nonsense", null, bearer()), 404, "not-found");
		assertProblem(this.api.send("GET", "/api/v1/events/evt_00000000000000000000000000", null, bearer()), 404,
				"not-found");
		assertProblem(this.api.send("POST", "/api/v1/deliveries/dlv_00000000000000000000000000/replay", null, bearer()),
				404, "not-found");
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(other)).json().path("data").size())
			.isZero();
	}

	@Test
	void invalidInputNamesTheField() throws Exception {
		Response response = this.api.send("POST", "/api/v1/sources", Map.of("provider", "carrier-pigeon", "name", ""),
				bearer());
		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("provider", "name");
		assertProblem(this.api.send("POST", "/api/v1/sources", "{not json", bearer()), 400, "malformed-request");
		assertProblem(
				this.api.send("POST", "/api/v1/destinations",
						Map.of("kind", "custom", "name", "plain", "url", "http://example.com/hook"), bearer()),
				400, "validation-failed");
		assertProblem(
				this.api.send("POST", "/api/v1/signup",
						Map.of("tenantName", "Dup", "email", this.email, "password", PASSWORD), null),
				409, "email-taken");
	}

	@Test
	void jwksVerifiesTheTokensIndependently() throws Exception {
		Response jwks = this.api.send("GET", "/.well-known/jwks.json", null, null);
		assertThat(jwks.status()).isEqualTo(200);
		JWKSet set = JWKSet.parse(jwks.body());
		SignedJWT jwt = SignedJWT.parse(this.token);
		RSAKey key = (RSAKey) set.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getJWTClaimsSet().getClaims()).containsKeys("iss", "sub", "tenant", "scope", "jti", "iat");
	}

	@Test
	void zapierUrlThatIsNotACatchHookIsAWarningNotAnError() throws Exception {
		Response zap = this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "zapier", "name", "odd", "url", "https://example.com/zap"), bearer());
		assertThat(zap.status()).isEqualTo(201);
		assertThat(zap.json().path("warnings").get(0).asString()).contains("Catch Hook");
	}

	@Test
	void destinationSettingsAreVisibleEditableAndTheSecretRotates() throws Exception {
		Response zap = this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "zapier", "name", "Zap", "url", "https://hooks.zapier.com/hooks/catch/1/a/"), bearer());
		assertThat(zap.status()).as(zap.body()).isEqualTo(201);
		assertThat(zap.json().path("rateLimitPerSecond").asInt()).isEqualTo(25);
		assertThat(zap.text("signatureStyle")).isEqualTo("standard-webhooks");
		assertThat(zap.text("payloadFormat")).isEqualTo("original");
		assertThat(zap.json().path("timeoutMs").asInt()).isEqualTo(10000);
		assertThat(zap.json().path("retryDelaysMs").size()).isEqualTo(7);
		String path = "/api/v1/destinations/" + zap.text("id");
		Response patched = this.api.send("PATCH", path, Map.of("payloadFormat", "normalized", "signatureStyle",
				"minivoice", "retryDelaysMs", List.of(1000, 60000), "enabled", false), bearer());
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.text("payloadFormat")).isEqualTo("normalized");
		assertThat(patched.text("signatureStyle")).isEqualTo("minivoice");
		assertThat(patched.json().path("enabled").asBoolean()).isFalse();
		assertThat(patched.text("disabledReason")).isNotBlank();
		assertThat(patched.json().has("signingSecret")).isFalse();
		assertProblem(this.api.send("PATCH", path, Map.of("signatureStyle", "md5"), bearer()), 400,
				"validation-failed");
		Response withHeaders = this.api.send("PATCH", path, Map.of("headers", Map.of("X-Api-Key", "k-123")), bearer());
		assertThat(withHeaders.json().path("headers").path("X-Api-Key").asString()).isEqualTo("[hidden]");
		assertThat(withHeaders.body()).doesNotContain("k-123");
		Response reserved = this.api.send("PATCH", path, Map.of("headers", Map.of("webhook-signature", "v1,x")),
				bearer());
		assertProblem(reserved, 400, "validation-failed");
		assertThat(reserved.json().path("errors").get(0).path("field").asString()).isEqualTo("headers");
		Response rotated = this.api.send("POST", path + "/rotate-secret", null, bearer());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.text("signingSecret")).startsWith("whsec_").isNotEqualTo(zap.text("signingSecret"));
		String otherEmail = "o-" + UUID.randomUUID() + "@example.com";
		this.api.send("POST", "/api/v1/signup", Map.of("tenantName", "O", "email", otherEmail, "password", PASSWORD),
				null);
		String other = this.api
			.send("POST", "/api/v1/tokens", Map.of("name", "o", "scopes", List.of("destinations:write")),
					ApiClient.basic(otherEmail, PASSWORD))
			.text("token");
		assertProblem(this.api.send("PATCH", path, Map.of("name", "x"), ApiClient.bearer(other)), 404, "not-found");
		assertProblem(this.api.send("POST", path + "/rotate-secret", null, ApiClient.bearer(other)), 404, "not-found");
	}

	@Test
	void configurationChangesAreAuditedWithoutSecrets() throws Exception {
		Response source = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Audited"),
				bearer());
		String sourcePath = "/api/v1/sources/" + source.text("id");
		this.api.send("PATCH", sourcePath, Map.of("name", "Audited line"), bearer());
		Response rotated = this.api.send("POST", sourcePath + "/rotate-secret", null, bearer());
		Response destination = this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "Hook", "url", "https://hook.example/in"), bearer());
		this.api.send("PATCH", "/api/v1/destinations/" + destination.text("id"),
				Map.of("headers", Map.of("X-Api-Key", "k-secret-9")), bearer());
		Response route = this.api.send("POST", "/api/v1/routes",
				Map.of("sourceId", source.text("id"), "destinationId", destination.text("id")), bearer());
		Response patched = this.api.send("PATCH", "/api/v1/routes/" + route.text("id"),
				Map.of("eventTypes", List.of("call.completed"), "ordering", "per-call", "enabled", false), bearer());
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("eventTypes").get(0).asString()).isEqualTo("call.completed");
		assertThat(patched.text("ordering")).isEqualTo("per-call");
		assertThat(patched.json().path("enabled").asBoolean()).isFalse();
		assertProblem(this.api.send("PATCH", "/api/v1/routes/" + route.text("id"),
				Map.of("eventTypes", List.of("call..x")), bearer()), 400, "validation-failed");
		this.api.send("DELETE", "/api/v1/routes/" + route.text("id"), null, bearer());
		Response token = this.api.send("POST", "/api/v1/tokens", Map.of("name", "t", "scopes", List.of("events:read")),
				bearer());
		this.api.send("DELETE", "/api/v1/tokens/" + token.text("id"), null, bearer());

		Response log = this.api.send("GET", "/api/v1/audit-log?limit=200", null, bearer());
		assertThat(log.status()).as(log.body()).isEqualTo(200);
		assertThat(log.json().path("data").findValuesAsString("action")).containsExactly("token.revoked",
				"token.created", "route.deleted", "route.updated", "route.created", "destination.updated",
				"destination.created", "source.secret-rotated", "source.updated", "source.created", "token.created");
		JsonNode latest = log.json().path("data").get(0);
		assertThat(latest.path("actor").asString()).startsWith("tok_");
		assertThat(log.json().path("data").get(10).path("actor").asString()).startsWith("usr_");
		assertThat(log.json().path("data").get(8).path("before").path("name").asString()).isEqualTo("Audited");
		assertThat(log.json().path("data").get(8).path("after").path("name").asString()).isEqualTo("Audited line");
		assertThat(log.json().path("data").get(3).path("before").path("ordering").asString()).isEqualTo("none");
		assertThat(log.json().path("data").get(3).path("after").path("ordering").asString()).isEqualTo("per-call");
		assertThat(log.body()).doesNotContain(source.text("secret"))
			.doesNotContain(rotated.text("secret"))
			.doesNotContain(destination.text("signingSecret"))
			.doesNotContain("k-secret-9")
			.doesNotContain(token.text("token"))
			.doesNotContain(this.token);
	}

	private String bearer() {
		return ApiClient.bearer(this.token);
	}

	private static String tenantOf(String jwt) throws Exception {
		return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim("tenant");
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private static void markDead(String deliveryId) throws Exception {
		try (var connection = TestDatabase.get().connect();
				var statement = connection.prepareStatement("UPDATE delivery SET status = 'dead' WHERE id = ?")) {
			statement.setObject(1, io.switchboard.core.id.DeliveryId.parse(deliveryId).uuid());
			statement.executeUpdate();
		}
	}

	private static long deliveriesTo(String destinationId) throws Exception {
		UUID destination = io.switchboard.core.id.DestinationId.parse(destinationId).uuid();
		try (var connection = TestDatabase.get().connect();
				var statement = connection.prepareStatement("SELECT count(*) FROM delivery WHERE destination_id = ?")) {
			statement.setObject(1, destination);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}
