package io.switchboard.api.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords over HTTP Basic are throttled like the portal's: per email, and per
 * client address whatever the emails, answered 429 {@code rate-limited} with
 * {@code Retry-After}, the right password included, until the lockout has passed. (Its
 * own application context: the address limit here is low, and every test's requests come
 * from 127.0.0.1.)
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.sign-in.max-failures=5", "switchboard.sign-in.max-failures-per-address=20" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final Map<String, Object> TOKEN_REQUEST = Map.of("name", "t", "scopes", List.of("events:read"));

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	@Order(1)
	void wrongPasswordsForOneEmailAreThrottledAndThenSoIsTheRightOne() {
		String email = signUp();
		for (int i = 0; i < 5; i++) {
			Response wrong = this.api.send("POST", "/api/v1/tokens", TOKEN_REQUEST,
					ApiClient.basic(email, "wrong password " + i));
			assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
			assertThat(wrong.text("code")).isEqualTo("invalid-credentials");
		}
		for (String password : List.of("wrong password again", PASSWORD)) {
			Response refused = this.api.send("POST", "/api/v1/tokens", TOKEN_REQUEST,
					ApiClient.basic(email.toUpperCase(java.util.Locale.ROOT), password));
			assertThat(refused.status()).as(refused.body()).isEqualTo(429);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.text("code")).isEqualTo("rate-limited");
			assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
		}
	}

	@Test
	@Order(2)
	void wrongPasswordsFromOneAddressAreThrottledWhateverTheEmails() {
		String email = signUp();
		int unauthorized = 0;
		int limited = 0;
		for (int i = 0; i < 25; i++) {
			int status = this.api
				.send("POST", "/api/v1/tokens", TOKEN_REQUEST,
						ApiClient.basic("nobody-" + UUID.randomUUID() + "@example.com", "guess " + i))
				.status();
			unauthorized += (status == 401) ? 1 : 0;
			limited += (status == 429) ? 1 : 0;
		}
		assertThat(unauthorized).isLessThanOrEqualTo(20);
		assertThat(limited).isGreaterThanOrEqualTo(5);
		Response refused = this.api.send("POST", "/api/v1/tokens", TOKEN_REQUEST, ApiClient.basic(email, PASSWORD));
		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.text("code")).isEqualTo("rate-limited");
		assertThat(refused.headers().getFirst("Retry-After")).isNotBlank();
	}

	private String signUp() {
		String email = "throttle-" + UUID.randomUUID() + "@example.com";
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Throttled", "email", email, "password", PASSWORD), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
		return email;
	}

}
