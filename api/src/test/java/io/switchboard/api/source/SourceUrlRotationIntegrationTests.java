package io.switchboard.api.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.api.inbound.SourceCache;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.source.SourceRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A source's inbound URL can be rotated (the only remedy for a leaked URL of an unsigned
 * source): the old URL keeps being accepted for the overlap the tenant picks, 0 to 24
 * hours, and is refused after it.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SourceUrlRotationIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	private int port;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private SourceCache cache;

	private ApiClient api;

	private String token;

	private String tenantId;

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		String email = "rotate-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Rotate", "email", email, "password", PASSWORD), null);
		this.tenantId = signup.text("tenantId");
		this.token = ApiClient
			.bearer(this.api
				.send("POST", "/api/v1/tokens", Map.of("name", "t", "scopes", List.of("sources:write", "tokens:write")),
						ApiClient.basic(email, PASSWORD))
				.text("token"));
	}

	@Test
	void oldUrlIsAcceptedForTheOverlapPickedAndRefusedAfterIt() {
		Response source = this.api.send("POST", "/api/v1/sources",
				Map.of("provider", "minivoice", "name", "Unsigned", "generateSecret", false), this.token);
		assertThat(source.json().path("unsigned").asBoolean()).isTrue();
		String id = source.text("id");
		String first = source.text("inboundUrl");
		assertThat(post(first)).isEqualTo(200);

		Response rotated = this.api.send("POST", "/api/v1/sources/" + id + "/rotate-url", Map.of("overlapMinutes", 60),
				this.token);
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String second = rotated.text("inboundUrl");
		assertThat(second).isNotEqualTo(first);
		assertThat(Instant.parse(rotated.text("previousInboundUrlExpiresAt")))
			.isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
		assertThat(post(first)).isEqualTo(200);
		assertThat(post(second)).isEqualTo(200);

		Response again = this.api.send("POST", "/api/v1/sources/" + id + "/rotate-url", Map.of("overlapMinutes", 0),
				this.token);
		String third = again.text("inboundUrl");
		assertThat(again.json().has("previousInboundUrlExpiresAt")).isFalse();
		assertThat(post(third)).isEqualTo(200);
		assertThat(post(second)).isEqualTo(404);
		assertThat(post(first)).isEqualTo(404);

		Response audit = this.api.send("GET", "/api/v1/audit-log", null, this.token);
		assertThat(audit.json().path("data").findValuesAsString("action")).contains("source.url-rotated");
	}

	@Test
	void oldUrlIsRefusedOnceTheOverlapHasPassed() {
		Response source = this.api.send("POST", "/api/v1/sources",
				Map.of("provider", "minivoice", "name", "Unsigned", "generateSecret", false), this.token);
		String id = source.text("id");
		String old = source.text("inboundUrl");
		this.api.send("POST", "/api/v1/sources/" + id + "/rotate-url", Map.of("overlapMinutes", 1440), this.token);
		assertThat(post(old)).isEqualTo(200);

		this.database
			.sql("UPDATE source SET previous_inbound_token_expires_at = now() - interval '1 second' WHERE id = :id")
			.bind("id", SourceId.parse(id).uuid())
			.then()
			.block();
		this.cache.evict(this.sources.findByTenantAndId(TenantId.parse(this.tenantId), SourceId.parse(id)).block());
		assertThat(post(old)).isEqualTo(404);
	}

	@Test
	void overlapIsZeroToTwentyFourHours() {
		String id = this.api
			.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Unsigned"), this.token)
			.text("id");
		for (Map<String, Object> body : List.of(Map.<String, Object>of("overlapMinutes", 1441),
				Map.<String, Object>of("overlapMinutes", -1), Map.<String, Object>of())) {
			Response refused = this.api.send("POST", "/api/v1/sources/" + id + "/rotate-url", body, this.token);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("validation-failed");
			assertThat(refused.json().path("errors").findValuesAsString("field")).contains("overlapMinutes");
		}
	}

	private int post(String inboundUrl) {
		return this.api
			.send("POST", inboundUrl, "{\"event\":\"call.completed\",\"call\":{\"id\":\"" + UUID.randomUUID() + "\"}}",
					null)
			.status();
	}

}
