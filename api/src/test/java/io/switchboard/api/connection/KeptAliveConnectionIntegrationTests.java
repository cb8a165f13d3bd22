package io.switchboard.api.connection;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import io.switchboard.core.token.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request refused before its body is read (401, 403) closes its connection, so the
 * client's next request goes on a fresh one: reusing it made Reactor Netty 1.3.6 stop
 * reading the connection about once in 600 requests, and the next request hung (it made
 * the auth matrix time out now and then). Requests whose body is read keep the
 * connection.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.api.rate-limit-per-second=100000", "switchboard.api.rate-limit-burst=100000" })
class KeptAliveConnectionIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	private int port;

	@Test
	void refusedBodiesCloseTheConnectionAndNothingHangs() {
		ApiClient api = ApiClient.keptAlive(this.port);
		String email = "keepalive-" + UUID.randomUUID() + "@example.com";
		assertThat(api
			.send("POST", "/api/v1/signup", Map.of("tenantName", "Keep", "email", email, "password", PASSWORD), null)
			.status()).isEqualTo(201);
		String token = api
			.send("POST", "/api/v1/tokens", Map.of("name", "all", "scopes", Scope.all()),
					ApiClient.basic(email, PASSWORD))
			.text("token");
		String noRoutes = api
			.send("POST", "/api/v1/tokens",
					Map.of("name", "no routes", "scopes",
							Scope.all().stream().filter((scope) -> !scope.equals("routes:write")).toList()),
					ApiClient.bearer(token))
			.text("token");
		Map<String, Object> route = Map.of("sourceId", "src_nonexistent", "destinationId", "dst_nonexistent");
		Map<String, Object> tokenRequest = Map.of("name", "read", "scopes", List.of("events:read"));
		for (int round = 0; round < 1000; round++) {
			Response unauthorized = api.send("POST", "/api/v1/routes", route, null);
			assertThat(unauthorized.status()).isEqualTo(401);
			assertThat(unauthorized.headers().getFirst("Connection")).isEqualTo("close");
			Response forbidden = api.send("POST", "/api/v1/routes", route, ApiClient.bearer(noRoutes));
			assertThat(forbidden.status()).isEqualTo(403);
			assertThat(forbidden.headers().getFirst("Connection")).isEqualTo("close");
			Response issued = api.send("POST", "/api/v1/tokens", tokenRequest, ApiClient.bearer(token));
			assertThat(issued.status()).isEqualTo(201);
			assertThat(issued.headers().getFirst("Connection")).isNull();
		}
	}

}
