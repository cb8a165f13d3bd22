package io.switchboard.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.api.ApiEndpoints;
import io.switchboard.api.ApiEndpoints.Endpoint;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.auth.ScopeRule;
import io.switchboard.api.auth.ScopeRules;
import io.switchboard.api.inbound.OpenSslAccess;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.token.ApiTokens;
import io.switchboard.core.token.MemberRole;
import io.switchboard.core.token.Scope;
import io.switchboard.core.token.TokenMaker;
import io.switchboard.core.user.UserRepository;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code /api/v1} endpoint the application maps (read from the handler mapping, so
 * none can be forgotten) × every way to be refused: no token, bad signature, expired,
 * revoked → 401; a token without the endpoint's scope → 403; another tenant's id → 404;
 * each a problem document with a stable code. And the endpoint's own scope is enough to
 * get past authorization.
 *
 * <p>
 * Roles, not only scopes: every endpoint × {owner, admin, viewer} × {HTTP Basic, a token
 * that member minted with every scope their role lets them}: a viewer gets 403 on every
 * write and through on every read their role has; owners and admins get through wherever
 * a token or their role may. A token whose member was removed gets 401 everywhere.
 *
 * <p>
 * A new endpoint needs a row in {@link #ENDPOINTS}: its scopes (any one of which lets a
 * token through) and a sample request (a body that passes validation, and the id of one
 * of the tenant's own resources for each path variable).
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthMatrixIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final Map<String, Row> ENDPOINTS = rows(open("POST /api/v1/signup"),
			row("GET /api/v1/audit-log", Scope.TOKENS_WRITE), row("GET /api/v1/tokens", Scope.TOKENS_WRITE),
			row("POST /api/v1/tokens", Scope.TOKENS_WRITE)
				.body((f) -> Map.of("name", "m", "scopes", List.of("tokens:write"))),
			row("DELETE /api/v1/tokens/{id}", Scope.TOKENS_WRITE).id(Fixtures::tokenId),
			row("GET /api/v1/sources", Scope.SOURCES_WRITE),
			row("POST /api/v1/sources", Scope.SOURCES_WRITE).body((f) -> Map.of("provider", "minivoice", "name", "m")),
			row("GET /api/v1/sources/{id}", Scope.SOURCES_WRITE).id(Fixtures::sourceId),
			row("PATCH /api/v1/sources/{id}", Scope.SOURCES_WRITE).id(Fixtures::sourceId)
				.body((f) -> Map.of("name", "renamed")),
			row("DELETE /api/v1/sources/{id}", Scope.SOURCES_WRITE).id(Fixtures::sourceId),
			row("POST /api/v1/sources/{id}/rotate-secret", Scope.SOURCES_WRITE).id(Fixtures::sourceId),
			row("POST /api/v1/sources/{id}/rotate-url", Scope.SOURCES_WRITE).id(Fixtures::sourceId)
				.body((f) -> Map.of("overlapMinutes", 0)),
			row("GET /api/v1/destinations", Scope.DESTINATIONS_WRITE),
			row("POST /api/v1/destinations", Scope.DESTINATIONS_WRITE)
				.body((f) -> Map.of("kind", "zapier", "name", "m", "url", "https://hooks.zapier.com/hooks/catch/1/m/")),
			row("GET /api/v1/destinations/{id}", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId),
			row("PATCH /api/v1/destinations/{id}", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId)
				.body((f) -> Map.of("name", "renamed")),
			row("DELETE /api/v1/destinations/{id}", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId),
			row("POST /api/v1/destinations/{id}/rotate-secret", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId),
			row("POST /api/v1/destinations/{id}/transform-test", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId)
				.body((f) -> Map.of("payload", Map.of("event", "call.completed"), "transform", "event")),
			row("GET /api/v1/routes", Scope.ROUTES_WRITE),
			row("POST /api/v1/routes", Scope.ROUTES_WRITE)
				.body((f) -> Map.of("sourceId", f.sourceId(), "destinationId", f.destinationId())),
			row("GET /api/v1/routes/{id}", Scope.ROUTES_WRITE).id(Fixtures::routeId),
			row("PATCH /api/v1/routes/{id}", Scope.ROUTES_WRITE).id(Fixtures::routeId)
				.body((f) -> Map.of("ordering", "per-call")),
			row("POST /api/v1/routes/{id}/filter-test", Scope.ROUTES_WRITE).id(Fixtures::routeId)
				.body((f) -> Map.of("payload", Map.of("event", "call.completed"))),
			row("POST /api/v1/routes/{id}/backfill", Scope.ROUTES_WRITE).id(Fixtures::routeId)
				.body((f) -> Map.of("from", java.time.Instant.now().minusSeconds(3600).toString())),
			row("DELETE /api/v1/routes/{id}", Scope.ROUTES_WRITE).id(Fixtures::routeId),
			row("GET /api/v1/events", Scope.EVENTS_READ),
			row("GET /api/v1/events/{id}", Scope.EVENTS_READ).id(Fixtures::eventId),
			row("GET /api/v1/rejections?sourceId={sourceId}", Scope.EVENTS_READ),
			row("GET /api/v1/deliveries", Scope.DELIVERIES_READ),
			row("GET /api/v1/deliveries/{id}", Scope.DELIVERIES_READ).id(Fixtures::deliveryId),
			row("GET /api/v1/deliveries/{id}/attempts", Scope.DELIVERIES_READ).id(Fixtures::deliveryId),
			row("POST /api/v1/deliveries/{id}/replay", Scope.DELIVERIES_REPLAY).id(Fixtures::deliveryId),
			row("POST /api/v1/deliveries/replay", Scope.DELIVERIES_REPLAY).body((f) -> Map.of("status", "dead")),
			row("GET /api/v1/jobs/{id}", Scope.DELIVERIES_READ, Scope.DELIVERIES_REPLAY, Scope.DESTINATIONS_WRITE,
					Scope.ROUTES_WRITE)
				.id(Fixtures::jobId),
			row("POST /api/v1/destinations/{id}/test", Scope.DESTINATIONS_WRITE).id(Fixtures::destinationId),
			row("GET /api/v1/issues", Scope.DELIVERIES_READ),
			row("GET /api/v1/issues/{id}", Scope.DELIVERIES_READ).id(Fixtures::issueId),
			row("POST /api/v1/issues/{id}/acknowledge", Scope.DESTINATIONS_WRITE).id(Fixtures::issueId),
			row("POST /api/v1/issues/{id}/resolve", Scope.DESTINATIONS_WRITE).id(Fixtures::issueId),
			row("GET /api/v1/notification-channels", Scope.NOTIFICATIONS_WRITE),
			row("POST /api/v1/notification-channels", Scope.NOTIFICATIONS_WRITE)
				.body((f) -> Map.of("type", "email", "name", "m", "target", "ops@example.com")),
			row("GET /api/v1/notification-channels/{id}", Scope.NOTIFICATIONS_WRITE).id(Fixtures::channelId),
			row("PATCH /api/v1/notification-channels/{id}", Scope.NOTIFICATIONS_WRITE).id(Fixtures::channelId)
				.body((f) -> Map.of("name", "renamed")),
			row("DELETE /api/v1/notification-channels/{id}", Scope.NOTIFICATIONS_WRITE).id(Fixtures::channelId),
			row("POST /api/v1/notification-channels/{id}/test", Scope.NOTIFICATIONS_WRITE).id(Fixtures::channelId));

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ApiTokens apiTokens;

	@Autowired
	private UserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	private ApiClient api;

	private final Map<Set<Scope>, String> tokens = new ConcurrentHashMap<>();

	@Test
	void everyRowIsAMappedEndpoint() {
		List<String> mapped = ApiEndpoints.of(this.context).stream().map(Endpoint::toString).toList();
		assertThat(ENDPOINTS.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(mapped);
	}

	@TestFactory
	Stream<DynamicNode> everyEndpointRefusesEveryBadCaller() throws Exception {
		this.api = new ApiClient(this.port);
		Fixtures mine = fixtures("Mine");
		Fixtures other = fixtures("Other");
		Callers callers = callers(mine);
		List<Member> members = members(mine);
		return ApiEndpoints.of(this.context).stream().map((endpoint) -> {
			Row row = ENDPOINTS.get(endpoint.toString());
			if (row == null) {
				return DynamicTest.dynamicTest(endpoint + " has a row", () -> fail("No row for " + endpoint
						+ " in AuthMatrixIntegrationTests.ENDPOINTS: add one with its scope and a sample request."));
			}
			return DynamicContainer.dynamicContainer(endpoint.toString(), Stream
				.concat(checks(endpoint, row, mine, other, callers), roleChecks(endpoint, row, mine, members)));
		});
	}

	private Stream<DynamicNode> checks(Endpoint endpoint, Row row, Fixtures mine, Fixtures other, Callers callers) {
		String path = path(endpoint, row, mine);
		Object body = (row.body() != null) ? row.body().apply(mine) : null;
		String method = endpoint.method().name();
		if (row.scopes().isEmpty()) {
			return Stream.of(DynamicTest.dynamicTest("is open",
					() -> assertThat(endpoint.toString()).as("open endpoints are only those meant to be")
						.isEqualTo("POST /api/v1/signup")));
		}
		List<String> needed = row.scopes().stream().map(Scope::value).toList();
		List<DynamicNode> checks = new ArrayList<>();
		checks.add(DynamicTest.dynamicTest("no token → 401",
				() -> assertProblem(this.api.send(method, path, body, null), 401, "unauthorized")));
		checks.add(DynamicTest.dynamicTest("bad signature → 401",
				() -> assertProblem(this.api.send(method, path, body, ApiClient.bearer(callers.badSignature())), 401,
						"invalid-token")));
		checks.add(DynamicTest.dynamicTest("expired → 401",
				() -> assertProblem(this.api.send(method, path, body, ApiClient.bearer(callers.expired())), 401,
						"invalid-token")));
		checks.add(DynamicTest.dynamicTest("revoked → 401",
				() -> assertProblem(this.api.send(method, path, body, ApiClient.bearer(callers.revoked())), 401,
						"invalid-token")));
		checks.add(DynamicTest.dynamicTest("every scope but " + needed + " → 403", () -> {
			String allBut = tokenWith(mine,
					Arrays.stream(Scope.values()).filter((s) -> !row.scopes().contains(s)).toList());
			assertProblem(this.api.send(method, path, body, ApiClient.bearer(allBut)), 403, "insufficient-scope");
		}));
		if (row.id() != null) {
			checks.add(DynamicTest.dynamicTest("other tenant's id → 404",
					() -> assertProblem(this.api.send(method, path, body, ApiClient.bearer(other.token())), 404,
							"not-found")));
		}
		for (Scope scope : row.scopes()) {
			String only = "only " + scope.value() + " → past authorization";
			if (row.id() != null) {
				String unknown = path.replace(row.id().apply(mine), "nonexistent");
				checks.add(DynamicTest.dynamicTest(only,
						() -> assertProblem(
								this.api.send(method, unknown, body, ApiClient.bearer(tokenWith(mine, List.of(scope)))),
								404, "not-found")));
			}
			else {
				checks.add(DynamicTest.dynamicTest(only, () -> {
					Response response = this.api.send(method, path, body,
							ApiClient.bearer(tokenWith(mine, List.of(scope))));
					assertThat(response.status()).as(response.body()).isNotIn(401, 403).isLessThan(500);
				}));
			}
		}
		return checks.stream();
	}

	/**
	 * Each member × each way in: through where their current role lets them, 403 where it
	 * does not, and a viewer 403 on every write; a removed member's token 401.
	 */
	private Stream<DynamicNode> roleChecks(Endpoint endpoint, Row row, Fixtures mine, List<Member> members) {
		if (row.scopes().isEmpty()) {
			return Stream.empty();
		}
		String method = endpoint.method().name();
		Object body = (row.body() != null) ? row.body().apply(mine) : null;
		String path = path(endpoint, row, mine);
		String reachable = (row.id() != null) ? path.replace(row.id().apply(mine), "nonexistent") : path;
		ScopeRule rule = ScopeRules.find(endpoint.method(), endpoint.path()).orElseThrow();
		boolean write = !"GET".equals(method);
		List<DynamicNode> checks = new ArrayList<>();
		for (Member member : members) {
			if (member.removed()) {
				checks.add(DynamicTest.dynamicTest("removed member's token → 401",
						() -> assertProblem(this.api.send(method, path, body, ApiClient.bearer(member.token())), 401,
								"invalid-token")));
				continue;
			}
			Set<String> roleScopes = member.role().scopes();
			boolean byToken = row.scopes().stream().map(Scope::value).anyMatch(roleScopes::contains);
			boolean byPassword = switch (rule.personAccess()) {
				case ANY_ROLE -> !(write && member.role() == MemberRole.VIEWER);
				case ROLE_WITH_SCOPE -> byToken;
				case NONE -> false;
			};
			String name = member.role().name().toLowerCase(java.util.Locale.ROOT);
			checks.add(roleCheck(name + " with HTTP Basic", method, path, reachable, body,
					ApiClient.basic(member.email(), PASSWORD), byPassword, row));
			checks.add(roleCheck(name + " with a token they minted", method, path, reachable, body,
					ApiClient.bearer(member.token()), byToken, row));
			if (write && member.role() == MemberRole.VIEWER) {
				checks.add(DynamicTest.dynamicTest("viewer → 403 on this write, either way in", () -> {
					assertProblem(this.api.send(method, path, body, ApiClient.basic(member.email(), PASSWORD)), 403,
							"insufficient-scope");
					assertProblem(this.api.send(method, path, body, ApiClient.bearer(member.token())), 403,
							"insufficient-scope");
				}));
			}
		}
		return checks.stream();
	}

	private DynamicTest roleCheck(String who, String method, String path, String reachable, Object body,
			String authorization, boolean allowed, Row row) {
		if (!allowed) {
			return DynamicTest.dynamicTest(who + " → 403",
					() -> assertProblem(this.api.send(method, path, body, authorization), 403, "insufficient-scope"));
		}
		return DynamicTest.dynamicTest(who + " → past authorization", () -> {
			Response response = this.api.send(method, reachable, body, authorization);
			if (row.id() != null) {
				assertProblem(response, 404, "not-found");
			}
			else {
				assertThat(response.status()).as(response.body()).isNotIn(401, 403).isLessThan(500);
			}
		});
	}

	/**
	 * The tenant's owner, an admin and a viewer, each with a token minted over HTTP Basic
	 * with every scope their role lets them grant, and a former admin whose token
	 * outlived their membership.
	 */
	private List<Member> members(Fixtures mine) {
		List<Member> members = new ArrayList<>();
		String ownerEmail = this.users.findByTenantAndId(TenantId.parse(mine.tenantId()), UserId.parse(mine.ownerId()))
			.block()
			.email();
		members.add(new Member(MemberRole.OWNER, ownerEmail, mintAll(ownerEmail, MemberRole.OWNER), false));
		for (MemberRole role : List.of(MemberRole.ADMIN, MemberRole.VIEWER)) {
			String email = createMember(mine, role);
			members.add(new Member(role, email, mintAll(email, role), false));
		}
		String leaver = createMember(mine, MemberRole.ADMIN);
		String leaversToken = mintAll(leaver, MemberRole.ADMIN);
		assertThat(this.api.send("GET", "/api/v1/sources", null, ApiClient.bearer(leaversToken)).status())
			.isEqualTo(200);
		this.users.delete(TenantId.parse(mine.tenantId()), this.users.findByEmail(leaver).block().id()).block();
		members.add(new Member(MemberRole.ADMIN, leaver, leaversToken, true));
		return members;
	}

	private String createMember(Fixtures mine, MemberRole role) {
		String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
		this.users
			.create(TenantId.parse(mine.tenantId()), email, this.passwordEncoder.encode(PASSWORD),
					role.name().toLowerCase(java.util.Locale.ROOT))
			.block();
		return email;
	}

	private String mintAll(String email, MemberRole role) {
		List<String> scopes = Scope.all().stream().filter(role.scopes()::contains).toList();
		Response issued = this.api.send("POST", "/api/v1/tokens", Map.of("name", "role", "scopes", scopes),
				ApiClient.basic(email, PASSWORD));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.text("token");
	}

	/**
	 * A token of the tenant with exactly these scopes, minted once.
	 */
	private String tokenWith(Fixtures mine, List<Scope> scopes) {
		return this.tokens.computeIfAbsent(Set.copyOf(scopes),
				(key) -> issue(mine, "matrix", key.stream().map(Scope::value).sorted().toList()));
	}

	private static String path(Endpoint endpoint, Row row, Fixtures mine) {
		String path = endpoint.path();
		if (row.id() != null) {
			path = path.replaceAll("\\{[^}]+}", row.id().apply(mine));
		}
		String query = row.query();
		return (query != null) ? path + "?" + query.replace("{sourceId}", mine.sourceId()) : path;
	}

	private Fixtures fixtures(String name) throws Exception {
		String email = "matrix-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", name, "email", email, "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		Response issued = this.api.send("POST", "/api/v1/tokens", Map.of("name", "all", "scopes", Scope.all()),
				ApiClient.basic(email, PASSWORD));
		String token = issued.text("token");
		Response source = this.api.send("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Line"),
				ApiClient.bearer(token));
		Response destination = this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "zapier", "name", "Zap", "url", "https://hooks.zapier.com/hooks/catch/1/a/"),
				ApiClient.bearer(token));
		Response route = this.api.send("POST", "/api/v1/routes",
				Map.of("sourceId", source.text("id"), "destinationId", destination.text("id")),
				ApiClient.bearer(token));
		assertThat(route.status()).as(route.body()).isEqualTo(201);
		byte[] body = "{\"event\":\"call.completed\",\"call\":{\"id\":\"call_1\"}}".getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		Response event = this.api.send("POST", source.text("inboundUrl"), new String(body, StandardCharsets.UTF_8),
				null, Map.of("X-MiniVoice-Timestamp", timestamp, "X-MiniVoice-Signature",
						OpenSslAccess.miniVoiceSignature(source.text("secret"), timestamp, body)));
		assertThat(event.status()).as(event.body()).isEqualTo(200);
		String eventId = event.text("event_id");
		Response stored = this.api.send("GET", "/api/v1/events/" + eventId, null, ApiClient.bearer(token));
		String deliveryId = stored.json().path("deliveries").get(0).path("id").asString();
		Response job = this.api.send("POST", "/api/v1/deliveries/replay", Map.of("status", "dead"),
				ApiClient.bearer(token));
		assertThat(job.status()).as(job.body()).isEqualTo(202);
		Response channel = this.api.send("POST", "/api/v1/notification-channels",
				Map.of("type", "slack", "name", "Ops", "target", "https://hooks.slack.com/services/T/B/x"),
				ApiClient.bearer(token));
		assertThat(channel.status()).as(channel.body()).isEqualTo(201);
		IssueId issue = IssueId.generate();
		this.context.getBean(DatabaseClient.class)
			.sql("INSERT INTO issue (tenant_id, id, kind, resource_type, resource_id, summary) "
					+ "VALUES (:tenantId, :id, 'destination-disabled', 'destination', :destinationId, 'Zap is off.')")
			.bind("tenantId", TenantId.parse(signup.text("tenantId")).uuid())
			.bind("id", issue.uuid())
			.bind("destinationId", DestinationId.parse(destination.text("id")).uuid())
			.fetch()
			.rowsUpdated()
			.block();
		return new Fixtures(signup.text("tenantId"), signup.text("userId"), token, issued.text("id"), source.text("id"),
				destination.text("id"), route.text("id"), eventId, deliveryId, job.text("id"), issue.toString(),
				channel.text("id"));
	}

	private Callers callers(Fixtures mine) throws Exception {
		TenantId tenant = TenantId.parse(mine.tenantId());
		TokenMaker owner = new TokenMaker(mine.ownerId(), UserId.parse(mine.ownerId()), Set.copyOf(Scope.all()), null,
				null);
		String expired = this.apiTokens.issue(tenant, owner, "expired", Scope.all(), Instant.now().minusSeconds(120))
			.block()
			.token();
		Response doomed = this.api.send("POST", "/api/v1/tokens", Map.of("name", "doomed", "scopes", Scope.all()),
				ApiClient.bearer(mine.token()));
		assertThat(this.api.send("DELETE", "/api/v1/tokens/" + doomed.text("id"), null, ApiClient.bearer(mine.token()))
			.status()).isEqualTo(204);
		return new Callers(forge(mine.token()), expired, doomed.text("token"));
	}

	private String issue(Fixtures mine, String name, List<String> scopes) {
		Response issued = this.api.send("POST", "/api/v1/tokens", Map.of("name", name, "scopes", scopes),
				ApiClient.bearer(mine.token()));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.text("token");
	}

	/**
	 * The same header and claims, signed by a key that is not Switchboard's.
	 */
	private static String forge(String token) throws Exception {
		SignedJWT genuine = SignedJWT.parse(token);
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(genuine.getHeader().getKeyID())
			.type(genuine.getHeader().getType())
			.build(), genuine.getJWTClaimsSet());
		forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
		return forged.serialize();
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

	private static Map<String, Row> rows(Row... rows) {
		Map<String, Row> byEndpoint = new LinkedHashMap<>();
		for (Row row : rows) {
			assertThat(byEndpoint.put(row.endpoint(), row)).as("one row for %s", row.endpoint()).isNull();
		}
		return byEndpoint;
	}

	private static Row row(String request, Scope... scopes) {
		String[] parts = request.split("\\?", 2);
		return new Row(parts[0], (parts.length > 1) ? parts[1] : null, List.of(scopes), null, null);
	}

	private static Row open(String endpoint) {
		return new Row(endpoint, null, List.of(), null, null);
	}

	/**
	 * One endpoint: its scope and a sample request.
	 *
	 * @param endpoint method and path pattern, as the handler mapping names it
	 * @param query a query string for the sample request, or {@code null}
	 * @param scopes the scopes it needs one of; none if it is open
	 * @param id the tenant's own resource each path variable names, or {@code null}
	 * @param body the sample body, or {@code null}
	 */
	record Row(String endpoint, String query, List<Scope> scopes, Function<Fixtures, String> id,
			Function<Fixtures, Object> body) {

		Row id(Function<Fixtures, String> id) {
			return new Row(this.endpoint, this.query, this.scopes, id, this.body);
		}

		Row body(Function<Fixtures, Object> body) {
			return new Row(this.endpoint, this.query, this.scopes, this.id, body);
		}

	}

	/**
	 * One tenant and one of each of its resources.
	 */
	record Fixtures(String tenantId, String ownerId, String token, String tokenId, String sourceId,
			String destinationId, String routeId, String eventId, String deliveryId, String jobId, String issueId,
			String channelId) {

	}

	/**
	 * A member of the tenant and a token they minted.
	 *
	 * @param role their role
	 * @param email their email (their password is {@link #PASSWORD})
	 * @param token a token they minted with every scope their role has
	 * @param removed whether they have since been removed from the tenant
	 */
	record Member(MemberRole role, String email, String token, boolean removed) {

	}

	/**
	 * The tenant's tokens that must not get through.
	 */
	record Callers(String badSignature, String expired, String revoked) {

	}

}
