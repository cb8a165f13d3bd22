package io.switchboard.api.inbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.rejection.Rejection;
import io.switchboard.core.rejection.RejectionRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.switchboard.testsupport.ProviderPayloads.MINIVOICE_CALL_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers' requests over real HTTP to the running endpoint, stored in the real
 * database.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class InboundIntegrationTests {

	static final String MINARI_CALL_COMPLETED = """
			{"event":"call.completed","call":{"ended_at":"2025-12-17T14:30:00.000Z","status":"connected",\
			"direction":"outgoing","duration_seconds":180,"from_number":"+33100000000","to_number":"+33600000000",\
			"summary":"Discussed pricing options."},"prospect":{"first_name":"John","last_name":"Doe"},\
			"user":{"name":"Jane Smith","email":"jane@yourcompany.com"},"list":{"list_name":"Q1","list_id":"123"}}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private RejectionRepository rejections;

	@Autowired
	private SourceCache sourceCache;

	private Tenant tenant;

	private Source miniVoice;

	private Destination zapier;

	private Destination n8n;

	@BeforeEach
	void createRelay() {
		this.tenant = this.tenants.create("Inbound Test").block();
		this.miniVoice = this.sources
			.create(this.tenant.id(), NewSource.of("MiniVoice", Provider.MINIVOICE, "mv-secret-123"))
			.block();
		this.zapier = this.destinations
			.create(this.tenant.id(), "Zap", DestinationKind.ZAPIER, "https://hooks.zapier.com/hooks/catch/1/a/")
			.block();
		this.n8n = this.destinations
			.create(this.tenant.id(), "n8n", DestinationKind.N8N, "https://n8n.example.com/webhook/x")
			.block();
		this.routes.create(this.tenant.id(), this.miniVoice.id(), this.zapier.id(), List.of("call.completed"), "none")
			.block();
		this.routes.create(this.tenant.id(), this.miniVoice.id(), this.n8n.id(), List.of("call.*"), "per-call").block();
		this.routes.create(this.tenant.id(), this.miniVoice.id(), this.n8n.id(), List.of("recording.*"), "none")
			.block();
	}

	@Test
	void signedMiniVoiceEventIsStoredOnceAndFannedOutToEachMatchingRoute() throws Exception {
		byte[] body = MINIVOICE_CALL_COMPLETED.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> first = postMiniVoice(this.miniVoice, body, "mv-secret-123");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode ack = JSON.readTree(first.body());
		assertThat(ack.path("ok").asBoolean()).isTrue();
		assertThat(ack.path("duplicate").asBoolean()).isFalse();
		String eventId = ack.path("event_id").asString();
		assertThat(eventId).startsWith("evt_");
		for (int retry = 0; retry < 3; retry++) {
			HttpResponse<String> again = postMiniVoice(this.miniVoice, body, "mv-secret-123");
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
			assertThat(JSON.readTree(again.body()).path("event_id").asString()).isEqualTo(eventId);
		}
		assertThat(query("SELECT count(*) FROM event WHERE tenant_id = ?")).containsExactly("1");
		assertThat(query("SELECT destination_id::text FROM delivery WHERE tenant_id = ? ORDER BY destination_id"))
			.containsExactlyInAnyOrder(this.zapier.id().uuid().toString(), this.n8n.id().uuid().toString());
		assertThat(query("SELECT event_type || ' ' || call_id || ' ' || (body = ?::bytea)::text FROM event"
				+ " WHERE tenant_id = ?", MINIVOICE_CALL_COMPLETED))
			.containsExactly("call.completed call_123 true");
	}

	@Test
	void signedMinariEventIsAcceptedAndTestEventsAreMarked() throws Exception {
		Source minari = this.sources
			.create(this.tenant.id(), NewSource.of("Minari", Provider.MINARI, "minari-secret-xyz"))
			.block();
		assertThat(postMinari(minari, MINARI_CALL_COMPLETED, "minari-secret-xyz").statusCode()).isEqualTo(200);
		String testEvent = MINARI_CALL_COMPLETED.replace("{\"event\"", "{\"test\":true,\"event\"");
		assertThat(postMinari(minari, testEvent, "minari-secret-xyz").statusCode()).isEqualTo(200);
		assertThat(postMinari(minari, testEvent, "minari-secret-xyz").body()).contains("\"duplicate\":true");
		assertThat(query("SELECT is_test::text FROM event WHERE tenant_id = ? ORDER BY id")).containsExactly("false",
				"true");
	}

	@Test
	void standardWebhooksSignedByTheReferenceLibraryAreAccepted() throws Exception {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		Source source = this.sources.create(this.tenant.id(), NewSource.of("SW", Provider.STANDARD_WEBHOOKS, secret))
			.block();
		String body = "{\"type\":\"call.completed\",\"data\":{\"call\":{\"id\":\"c1\"}}}";
		long timestamp = Instant.now().getEpochSecond();
		String signature = new Webhook(secret).sign("msg_1", timestamp, body);
		HttpResponse<String> response = post(source, body, Map.of("webhook-id", "msg_1", "webhook-timestamp",
				Long.toString(timestamp), "webhook-signature", signature));
		assertThat(response.statusCode()).isEqualTo(200);
		HttpResponse<String> retry = post(source, body, Map.of("webhook-id", "msg_1", "webhook-timestamp",
				Long.toString(timestamp), "webhook-signature", signature));
		assertThat(retry.body()).contains("\"duplicate\":true");
	}

	@Test
	void unsignedMiniVoiceSourceAcceptsRequestsWithoutSignature() throws Exception {
		Source unsigned = this.sources.create(this.tenant.id(), NewSource.of("Open", Provider.MINIVOICE, null)).block();
		assertThat(post(unsigned, MINIVOICE_CALL_COMPLETED, Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void anEventPostgresCannotStoreIsRefusedAtTheDoorEveryTimeNever503() throws Exception {
		Source unsigned = this.sources.create(this.tenant.id(), NewSource.of("Open", Provider.MINIVOICE, null)).block();
		String nul = MINIVOICE_CALL_COMPLETED.replace("\"call.completed\"", "\"call.completed\\u0000\"");
		assertThat(nul).contains("\\u0000");
		for (int retry = 0; retry < 3; retry++) {
			HttpResponse<String> response = post(unsigned, nul, Map.of());
			assertProblem(response, 422, "invalid-text");
			assertThat(JSON.readTree(response.body()).path("detail").asString()).startsWith("The event type contains");
		}
		assertThat(awaitRejection(unsigned).reason()).isEqualTo("invalid-text");
		assertProblem(post(unsigned, MINIVOICE_CALL_COMPLETED.replace("call.completed", "c".repeat(201)), Map.of()),
				422, "field-too-long");
		assertProblem(post(unsigned, MINIVOICE_CALL_COMPLETED.replace("\"call_123\"", "\"call\\u0000\""), Map.of()),
				422, "invalid-text");
		String farFuture = "{\"event\":\"call.completed\",\"created_at\":\"+10000-01-01T00:00:00Z\",\"call\":{\"id\":\"c\"}}";
		assertProblem(post(unsigned, farFuture, Map.of()), 422, "timestamp-out-of-range");
		assertThat(query("SELECT count(*) FROM event WHERE tenant_id = ?")).containsExactly("0");
		assertThat(post(unsigned, MINIVOICE_CALL_COMPLETED, Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void badSignatureIsRefusedStoresNothingAndIsRecorded() throws Exception {
		HttpResponse<String> response = postMiniVoice(this.miniVoice,
				MINIVOICE_CALL_COMPLETED.getBytes(StandardCharsets.UTF_8), "wrong-secret");
		assertProblem(response, 401, "signature-invalid");
		assertThat(query("SELECT count(*) FROM event WHERE tenant_id = ?")).containsExactly("0");
		Rejection rejection = awaitRejection(this.miniVoice);
		assertThat(rejection.reason()).isEqualTo("signature-invalid");
		assertThat(rejection.remoteAddress()).isEqualTo("127.0.0.1");
		assertThat(rejection.headers()).containsKey("x-minivoice-signature");
	}

	@Test
	void missingSignatureIsRefused() throws Exception {
		assertProblem(post(this.miniVoice, MINIVOICE_CALL_COMPLETED, Map.of()), 401, "signature-missing");
	}

	@Test
	void staleTimestampIsRefusedWithItsOwnCode() throws Exception {
		byte[] body = MINIVOICE_CALL_COMPLETED.getBytes(StandardCharsets.UTF_8);
		String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
		HttpResponse<String> response = post(this.miniVoice, MINIVOICE_CALL_COMPLETED, Map.of("X-MiniVoice-Timestamp",
				stale, "X-MiniVoice-Signature", OpenSsl.miniVoiceSignature("mv-secret-123", stale, body)));
		assertProblem(response, 401, "timestamp-out-of-tolerance");
		assertThat(query("SELECT count(*) FROM event WHERE tenant_id = ?")).containsExactly("0");
	}

	@Test
	void unknownTokenIsNotFound() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		assertProblem(this.http.send(request, HttpResponse.BodyHandlers.ofString()), 404, "source-not-found");
		HttpRequest odd = HttpRequest.newBuilder(URI.create(base() + "/in/..%2F..%2Fetc"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		// refused before routing (the firewall rejects encoded slashes),
		// or as an unknown token
		assertThat(this.http.send(odd, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(400, 404);
	}

	@Test
	void bodyOverTheSourceLimitIsRefusedWithoutStoringIt() throws Exception {
		Source small = this.sources
			.create(this.tenant.id(),
					new NewSource("Small", Provider.MINIVOICE, null, NewSource.DEFAULT_TOLERANCE, 1024, null))
			.block();
		String big = "{\"event\":\"call.completed\",\"pad\":\"" + "x".repeat(4096) + "\"}";
		assertProblem(post(small, big, Map.of()), 413, "payload-too-large");
		HttpRequest chunked = HttpRequest.newBuilder(URI.create(base() + "/in/" + small.inboundToken()))
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
			.build();
		assertProblem(this.http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "payload-too-large");
		assertThat(query("SELECT count(*) FROM event WHERE tenant_id = ?")).containsExactly("0");
	}

	@Test
	void sourceOverItsRateLimitIsToldWhenToRetry() throws Exception {
		Source limited = this.sources.create(this.tenant.id(), NewSource.of("Limited", Provider.MINIVOICE, null))
			.block();
		execute("UPDATE source SET rate_limit_per_second = 1 WHERE tenant_id = ? AND id = '" + limited.id().uuid()
				+ "'");
		this.sourceCache.evict(limited);
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			responses.add(post(limited, "{\"event\":\"call.created\",\"n\":" + i + "}", Map.of()));
		}
		HttpResponse<String> refused = responses.stream()
			.filter((response) -> response.statusCode() == 429)
			.findFirst()
			.orElseThrow();
		assertProblem(refused, 429, "rate-limited");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
		long stored = Long.parseLong(query("SELECT count(*) FROM event WHERE tenant_id = ?").get(0));
		assertThat(stored).isEqualTo(responses.stream().filter((response) -> response.statusCode() == 200).count());
	}

	@Test
	void disabledSourceIsGone() throws Exception {
		execute("UPDATE source SET enabled = false WHERE tenant_id = ? AND id = '" + this.miniVoice.id().uuid() + "'");
		this.sourceCache.evict(this.miniVoice);
		assertProblem(postMiniVoice(this.miniVoice, MINIVOICE_CALL_COMPLETED.getBytes(StandardCharsets.UTF_8),
				"mv-secret-123"), 410, "source-disabled");
	}

	@Test
	void afterRotationBothSecretsVerify() throws Exception {
		Source rotated = this.sources
			.rotateSecret(this.tenant.id(), this.miniVoice.id(), "mv-secret-456", Duration.ofHours(24))
			.block();
		this.sourceCache.evict(rotated);
		byte[] first = MINIVOICE_CALL_COMPLETED.getBytes(StandardCharsets.UTF_8);
		byte[] second = MINIVOICE_CALL_COMPLETED.replace("call_123", "call_456").getBytes(StandardCharsets.UTF_8);
		assertThat(postMiniVoice(rotated, first, "mv-secret-123").statusCode()).isEqualTo(200);
		assertThat(postMiniVoice(rotated, second, "mv-secret-456").statusCode()).isEqualTo(200);
		assertThat(postMiniVoice(rotated, second, "mv-secret-789").statusCode()).isEqualTo(401);
	}

	@Test
	void wrongMethodIsAProblemToo() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/in/" + this.miniVoice.inboundToken()))
			.GET()
			.build();
		assertProblem(this.http.send(request, HttpResponse.BodyHandlers.ofString()), 405, "method-not-allowed");
	}

	private HttpResponse<String> postMiniVoice(Source source, byte[] body, String secret) throws Exception {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return post(source, new String(body, StandardCharsets.UTF_8), Map.of("X-MiniVoice-Timestamp", timestamp,
				"X-MiniVoice-Signature", OpenSsl.miniVoiceSignature(secret, timestamp, body)));
	}

	private HttpResponse<String> postMinari(Source source, String body, String secret) throws Exception {
		return post(source, body,
				Map.of("X-Webhook-Signature", OpenSsl.hmacSha256Hex(secret, body.getBytes(StandardCharsets.UTF_8))));
	}

	private HttpResponse<String> post(Source source, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/in/" + source.inboundToken()))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private Rejection awaitRejection(Source source) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			List<Rejection> recent = this.rejections.findRecent(source.tenantId(), source.id(), 10)
				.collectList()
				.block();
			if (!recent.isEmpty()) {
				return recent.get(0);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No rejection was recorded");
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private List<String> query(String sql, String... firstArguments) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			for (String argument : firstArguments) {
				statement.setBytes(index++, argument.getBytes(StandardCharsets.UTF_8));
			}
			statement.setObject(index, this.tenant.id().uuid());
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, this.tenant.id().uuid());
			statement.executeUpdate();
		}
	}

}
