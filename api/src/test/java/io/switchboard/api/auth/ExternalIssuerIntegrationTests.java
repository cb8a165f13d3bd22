package io.switchboard.api.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens of external OpenID Connect issuers, verified against a real OIDC server
 * (mock-oauth2-server on 127.0.0.1): discovery, JWKS, tenant and scope claims.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ExternalIssuerIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final MockOAuth2Server idp = new MockOAuth2Server();

	private static final MockOAuth2Server lateIdp = new MockOAuth2Server();

	private static final int latePort = freePort();

	@LocalServerPort
	private int port;

	private ApiClient api;

	private String tenantId;

	private String ownToken;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) throws IOException {
		idp.start(InetAddress.getLoopbackAddress(), 0);
		registry.add("switchboard.auth.issuers[0].issuer-uri", () -> idp.issuerUrl("acme-idp").toString());
		registry.add("switchboard.auth.issuers[0].tenant-claim", () -> "switchboard_tenant");
		registry.add("switchboard.auth.issuers[1].issuer-uri", () -> idp.issuerUrl("array-idp").toString());
		registry.add("switchboard.auth.issuers[1].tenant-claim", () -> "tid");
		registry.add("switchboard.auth.issuers[1].scope-claim", () -> "scp");
		registry.add("switchboard.auth.issuers[1].audience", () -> "switchboard");
		registry.add("switchboard.auth.issuers[2].issuer-uri", ExternalIssuerIntegrationTests::lateIssuer);
		registry.add("switchboard.auth.issuers[2].tenant-claim", () -> "switchboard_tenant");
	}

	@AfterAll
	static void stopIssuers() {
		idp.shutdown();
		lateIdp.shutdown();
	}

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		String email = "oidc-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Acme", "email", email, "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		this.tenantId = signup.text("tenantId");
		this.ownToken = this.api
			.send("POST", "/api/v1/tokens", Map.of("name", "own", "scopes", List.of("sources:write")),
					ApiClient.basic(email, PASSWORD))
			.text("token");
	}

	@Test
	void externalTokenActsForTheTenantItNamesAndSeesOnlyItsData() {
		Response created = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"),
				ApiClient.bearer(this.ownToken));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String external = acmeToken(this.tenantId, "sources:write tokens:write openid", 3600);

		Response listed = this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(external));
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.json().path("data").findValuesAsString("id")).containsExactly(created.text("id"));
		Response mine = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "By OIDC"),
				ApiClient.bearer(external));
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		Response minted = this.api.send("POST", "/api/v1/tokens",
				Map.of("name", "from oidc", "scopes", List.of("sources:write")), ApiClient.bearer(external));
		assertThat(minted.status()).as(minted.body()).isEqualTo(403);
		assertThat(minted.text("code")).isEqualTo("member-required");
		Response audit = this.api.send("GET", "/api/v1/audit-log", null, ApiClient.bearer(external));
		assertThat(audit.json().path("data").get(0).path("actor").asString()).isEqualTo("oidc:alice");

		String otherTenant = this.api
			.send("POST", "/api/v1/signup", Map.of("tenantName", "Other", "email",
					"other-" + UUID.randomUUID() + "@example.com", "password", PASSWORD), null)
			.text("tenantId");
		String stranger = acmeToken(otherTenant, "sources:write", 3600);
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(stranger)).json().path("data").size())
			.isZero();
		assertProblem(this.api.send("GET", "/api/v1/sources/" + created.text("id"), null, ApiClient.bearer(stranger)),
				404, "not-found");
	}

	@Test
	void scopesAndAudienceFromAnotherIssuersClaims() {
		String token = idp
			.issueToken("array-idp", "bob", "switchboard",
					Map.of("tid", this.tenantId, "scp", List.of("sources:write", "events:read")))
			.serialize();
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token)).status()).isEqualTo(200);
		assertThat(this.api.send("GET", "/api/v1/events", null, ApiClient.bearer(token)).status()).isEqualTo(200);
		assertProblem(this.api.send("GET", "/api/v1/routes", null, ApiClient.bearer(token)), 403, "insufficient-scope");
		String wrongAudience = idp
			.issueToken("array-idp", "bob", "someone-else",
					Map.of("tid", this.tenantId, "scp", List.of("sources:write")))
			.serialize();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(wrongAudience)), 401,
				"invalid-token");
	}

	@Test
	void missingScopeIsForbidden() {
		String reader = acmeToken(this.tenantId, "events:read", 3600);
		assertThat(this.api.send("GET", "/api/v1/events", null, ApiClient.bearer(reader)).status()).isEqualTo(200);
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(reader)), 403,
				"insufficient-scope");
	}

	@Test
	void tokensNamingNoKnownTenantAreRefused() {
		assertProblem(
				this.api.send("GET", "/api/v1/sources", null,
						ApiClient.bearer(acmeToken("ten_00000000000000000000000000", "sources:write", 3600))),
				401, "invalid-token");
		assertProblem(this.api.send("GET", "/api/v1/sources", null,
				ApiClient.bearer(acmeToken("acme-corp", "sources:write", 3600))), 401, "invalid-token");
		String noTenant = idp.issueToken("acme-idp", "alice", "any", Map.of("scope", "sources:write")).serialize();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(noTenant)), 401, "invalid-token");
	}

	@Test
	void expiredAndUnknownIssuerTokensAreRefused() {
		assertProblem(this.api.send("GET", "/api/v1/sources", null,
				ApiClient.bearer(acmeToken(this.tenantId, "sources:write", -600))), 401, "invalid-token");
		String unknownIssuer = idp
			.issueToken("not-configured", "alice", "any",
					Map.of("switchboard_tenant", this.tenantId, "scope", "sources:write"))
			.serialize();
		assertProblem(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(unknownIssuer)), 401,
				"invalid-token");
	}

	@Test
	void anIssuerDownAtStartIsReachedOnceItIsUp() throws Exception {
		Response unavailable = this.api.send("GET", "/api/v1/sources", null,
				ApiClient.bearer(selfSigned(lateIssuer(), this.tenantId)));
		assertProblem(unavailable, 503, "issuer-unavailable");
		assertThat(unavailable.body()).doesNotContain("Exception");
		lateIdp.start(InetAddress.getLoopbackAddress(), latePort);
		assertThat(lateIdp.issuerUrl("late").toString()).isEqualTo(lateIssuer());
		String token = lateIdp
			.issueToken("late", "carol", "any", Map.of("switchboard_tenant", this.tenantId, "scope", "sources:write"))
			.serialize();
		Response response = this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(token));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private String acmeToken(String tenant, String scope, long expirySeconds) {
		return idp
			.issueToken("acme-idp", "alice", "any", Map.of("switchboard_tenant", tenant, "scope", scope), expirySeconds)
			.serialize();
	}

	private static String selfSigned(String issuer, String tenant) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("early").generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("early").build(),
				new JWTClaimsSet.Builder().issuer(issuer)
					.subject("carol")
					.claim("switchboard_tenant", tenant)
					.claim("scope", "sources:write")
					.expirationTime(new Date(System.currentTimeMillis() + 60_000))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String lateIssuer() {
		// mock-oauth2-server names itself by host name: localhost (the loopback address)
		return "http://localhost:" + latePort + "/late";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

}
