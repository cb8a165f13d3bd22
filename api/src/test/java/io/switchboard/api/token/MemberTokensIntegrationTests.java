package io.switchboard.api.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.AppUser;
import io.switchboard.core.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member never gets more over the API than their current role allows, whether with
 * their password or with a token: a viewer cannot mint a write token, a demoted member's
 * tokens shrink to the new role at once, a removed member's tokens stop working, and a
 * token minted by a token grants nothing its parent lacks and does not outlive it.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MemberTokensIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final List<String> WRITE_SCOPES = List.of("destinations:write", "sources:write", "tokens:write");

	@LocalServerPort
	private int port;

	@Autowired
	private UserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	private ApiClient api;

	private TenantId tenantId;

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		Response signup = this.api.send("POST", "/api/v1/signup", Map.of("tenantName", "Roles", "email",
				"owner-" + UUID.randomUUID() + "@example.com", "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		this.tenantId = TenantId.parse(signup.text("tenantId"));
	}

	@Test
	void viewerCannotMintAWriteTokenButMayMintAReadToken() {
		AppUser viewer = member("viewer");
		Response write = this.api.send("POST", "/api/v1/tokens", Map.of("name", "sneaky", "scopes", WRITE_SCOPES),
				basic(viewer));
		assertProblem(write, 403, "insufficient-scope");
		Response read = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "reader", "scopes", List.of("events:read", "deliveries:read")), basic(viewer));
		assertThat(read.status()).as(read.body()).isEqualTo(201);
		String token = read.text("token");
		assertThat(this.api.send("GET", "/api/v1/events", null, ApiClient.bearer(token)).status()).isEqualTo(200);
		assertProblem(this.api.send("GET", "/api/v1/tokens", null, ApiClient.bearer(token)), 403, "insufficient-scope");
		assertProblem(this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "escalate", "scopes", List.of("events:read")), ApiClient.bearer(token)), 403,
				"insufficient-scope");
	}

	@Test
	void demotedMembersTokensShrinkToTheNewRoleAtOnce() {
		AppUser admin = member("admin");
		String token = mint(basic(admin), WRITE_SCOPES, null);
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token)).status()).isEqualTo(200);

		this.users.changeRole(this.tenantId, admin.id(), "viewer").block();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token)), 403,
				"insufficient-scope");
		assertProblem(this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "mine", "url", "https://attacker.example/hook"),
				ApiClient.bearer(token)), 403, "insufficient-scope");
		assertProblem(
				this.api.send("POST", "/api/v1/tokens", Map.of("name", "again", "scopes", WRITE_SCOPES), basic(admin)),
				403, "insufficient-scope");

		this.users.changeRole(this.tenantId, admin.id(), "admin").block();
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token)).status()).isEqualTo(200);
	}

	@Test
	void removedMembersTokensAndTheTokensTheyMintedAreRefused() {
		AppUser admin = member("admin");
		String token = mint(basic(admin), WRITE_SCOPES, null);
		String child = mint(ApiClient.bearer(token), List.of("sources:write"), null);
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(child)).status()).isEqualTo(200);

		this.users.delete(this.tenantId, admin.id()).block();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token)), 401, "invalid-token");
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(child)), 401, "invalid-token");
	}

	@Test
	void tokenMintedByATokenDoesNotOutliveItNorGrantMore() {
		AppUser admin = member("admin");
		Response parent = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "parent", "scopes", List.of("sources:write", "tokens:write"), "expiresInDays", 1),
				basic(admin));
		assertThat(parent.status()).as(parent.body()).isEqualTo(201);
		Instant parentExpires = Instant.parse(parent.text("expiresAt"));

		assertProblem(
				this.api.send("POST", "/api/v1/tokens", Map.of("name", "more", "scopes", List.of("destinations:write")),
						ApiClient.bearer(parent.text("token"))),
				403, "insufficient-scope");
		Response forever = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "forever", "scopes", List.of("sources:write")), ApiClient.bearer(parent.text("token")));
		assertThat(forever.status()).as(forever.body()).isEqualTo(201);
		assertThat(Instant.parse(forever.text("expiresAt"))).isEqualTo(parentExpires);
		Response longer = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "longer", "scopes", List.of("sources:write"), "expiresInDays", 3650),
				ApiClient.bearer(parent.text("token")));
		assertThat(Instant.parse(longer.text("expiresAt"))).isEqualTo(parentExpires);

		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(forever.text("token"))).status())
			.isEqualTo(200);
		assertThat(this.api.send("DELETE", "/api/v1/tokens/" + parent.text("id"), null, basic(admin)).status())
			.isEqualTo(204);
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(forever.text("token"))), 401,
				"invalid-token");
	}

	private AppUser member(String role) {
		return this.users
			.create(this.tenantId, role + "-" + UUID.randomUUID() + "@example.com",
					this.passwordEncoder.encode(PASSWORD), role)
			.block();
	}

	private String mint(String authorization, List<String> scopes, Integer expiresInDays) {
		Map<String, Object> body = (expiresInDays != null)
				? Map.of("name", "t", "scopes", scopes, "expiresInDays", expiresInDays)
				: Map.of("name", "t", "scopes", scopes);
		Response issued = this.api.send("POST", "/api/v1/tokens", body, authorization);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.text("token");
	}

	private static String basic(AppUser user) {
		return ApiClient.basic(user.email(), PASSWORD);
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

}
