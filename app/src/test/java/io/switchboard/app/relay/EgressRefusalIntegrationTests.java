package io.switchboard.app.relay;

import java.util.Map;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the egress guard on (the default), a test send to a host name that resolves
 * inwards is refused, and the refusal the tenant reads says which kind of address it was,
 * never the address: test sends cannot map the operator's internal names.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EgressRefusalIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void refusalNamesTheClassOfAddressNeverTheAddress() {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("egress-" + System.nanoTime() + "@example.com");
		Answer destination = api.call("POST", "/api/v1/destinations",
				Map.of("kind", "custom", "name", "Inward", "url", "https://localhost:9/hook"));
		assertThat(destination.status()).as(destination.body().toString()).isEqualTo(201);
		String id = destination.body().path("id").asString();

		Answer test = api.call("POST", "/api/v1/destinations/" + id + "/test", null);
		assertThat(test.status()).as(test.body().toString()).isEqualTo(200);
		assertThat(test.body().path("outcome").asString()).isEqualTo("failed");
		assertThat(test.body().path("errorClass").asString()).isEqualTo("EgressRefusedException");
		assertThat(test.body().path("errorMessage").asString()).contains("resolves to a loopback address")
			.doesNotContain("127.0.0.1")
			.doesNotContain("0:0:0:0:0:0:0:1")
			.doesNotContain("::1");
		assertThat(api.call("GET", "/api/v1/destinations/" + id, null).body().toString()).doesNotContain("127.0.0.1");
	}

}
