package io.switchboard.worker.engine;

import java.util.List;

import io.switchboard.testsupport.TestReceiver;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.switchboard.worker.engine.RelayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default egress policy, the worker sends nothing inward: every attempt at a
 * loopback, private, link-local or metadata target fails with the guard's refusal and the
 * receiver (listening on 127.0.0.1) never sees a request. Only loopback is ever connected
 * to.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.worker.poll-interval=100ms", "switchboard.egress.allow-private-networks=false" })
class EgressGuardIntegrationTests {

	@Autowired
	private ApplicationContext context;

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void inwardDestinationsAreRefusedWithoutSendingAnything() throws Exception {
		int port = Integer.parseInt(this.receiver.url().replaceAll(".*:(\\d+)/hook$", "$1"));
		List<String> targets = List.of(this.receiver.url(), "https://127.0.0.1:" + port + "/hook",
				"https://localhost:" + port + "/hook", "https://[::1]:" + port + "/hook",
				"https://[::ffff:127.0.0.1]:" + port + "/hook", "https://169.254.169.254/latest/meta-data",
				"https://10.0.0.1/hook", "https://192.168.1.1/hook", "https://100.64.0.1/hook");
		for (String target : targets) {
			RelayFixture relay = new RelayFixture(this.context, this.receiver, "none");
			relay.execute("UPDATE destination SET url = '" + target + "', retry_delays_ms = '{60000}'"
					+ " WHERE tenant_id = ?");
			relay.storeEvent("call.completed", "call_1", "egress");
			await(() -> relay.attempts().size() == 1);
			assertThat(relay.query("SELECT error_class FROM delivery_attempt WHERE tenant_id = ?").get(0)).as(target)
				.isIn("UrlRefusedException", "EgressRefusedException");
		}
		assertThat(this.receiver.received()).isEmpty();
	}

}
