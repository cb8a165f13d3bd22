package io.switchboard.api.problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiClient;
import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid input is answered 400 naming the field, whether a constraint fails or the value
 * has the wrong type; only a body that is not JSON at all is merely malformed.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class InvalidInputIntegrationTests {

	private ApiClient api;

	private String token;

	@LocalServerPort
	private int port;

	@BeforeEach
	void signUp() {
		this.api = new ApiClient(this.port);
		this.token = this.api.signUpWithToken("Input", List.of("destinations:write", "deliveries:read"));
	}

	@Test
	void queryParameterOfTheWrongTypeIsNamed() {
		assertField(this.api.send("GET", "/api/v1/deliveries?limit=ten", null, this.token), "limit");
	}

	@Test
	void bodyFieldOfTheWrongTypeIsNamed() {
		assertField(this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "d", "url", "https://d.example/h", "timeoutMs", "soon"), this.token),
				"timeoutMs");
		assertField(
				this.api.send("POST", "/api/v1/destinations", Map.of("kind", "custom", "name", "d", "url",
						"https://d.example/h", "retryDelaysMs", List.of(1000, "later")), this.token),
				"retryDelaysMs[1]");
	}

	@Test
	void constraintViolationsAreNamed() {
		assertField(this.api.send("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "", "url", "https://d.example/h"), this.token), "name");
	}

	@Test
	void signUpHoldsPasswordsToTheSameRuleAsThePortal() {
		String email = "weak-" + UUID.randomUUID() + "@example.com";
		for (String weak : List.of("short", "aaaaaaaaaaaaaaaa", "121212121212121", "mine " + email + " pw")) {
			Response refused = this.api.send("POST", "/api/v1/signup",
					Map.of("tenantName", "Weak", "email", email, "password", weak), null);
			assertField(refused, "password");
		}
		Response signup = this.api.send("POST", "/api/v1/signup",
				Map.of("tenantName", "Strong", "email", email, "password", "correct horse battery"), null);
		assertThat(signup.status()).as(signup.body()).isEqualTo(201);
	}

	@Test
	void bodyThatIsNotJsonIsMalformed() {
		Response response = this.api.send("POST", "/api/v1/destinations", "{\"kind\": ", this.token);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("malformed-request");
	}

	private static void assertField(Response response, String field) {
		response.assertRefused(field);
	}

}
