package io.switchboard.app.relay;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.TestReceiver;
import io.switchboard.testsupport.TestReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker process killed with {@code kill -9} while its attempts are in flight: its
 * leases expire, another worker process takes them, and every acknowledged event is
 * delivered (at least once; the ones in flight at the crash may arrive twice). The API
 * runs in this process; the workers are separate JVMs on the same database.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.roles=api", "switchboard.egress.allow-private-networks=true" })
class WorkerCrashIntegrationTests {

	private static final int EVENTS = 20;

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	private final List<Process> workers = new ArrayList<>();

	private final TestReceiver receiver = new TestReceiver();

	@AfterEach
	void stopEverything() {
		this.workers.forEach(Process::destroyForcibly);
		this.receiver.close();
	}

	@Test
	void leasesOfAKilledWorkerAreTakenOverAndEveryEventIsDelivered() throws Exception {
		SwitchboardApi api = new SwitchboardApi("http://127.0.0.1:" + this.port)
			.signUp("crash-" + System.nanoTime() + "@example.com");
		Answer source = api.call("POST", "/api/v1/sources", Map.of("provider", "minivoice", "name", "Main"));
		Answer destination = api.call("POST", "/api/v1/destinations", Map.of("kind", "custom", "name", "CRM", "url",
				this.receiver.url(), "maxInFlight", 50, "timeoutMs", 3000));
		assertThat(destination.status()).isEqualTo(201);
		assertThat(api.call("POST", "/api/v1/routes", Map.of("sourceId", source.body().path("id").asString(),
				"destinationId", destination.body().path("id").asString()))
			.status()).isEqualTo(201);
		for (int i = 0; i < EVENTS; i++) {
			String body = "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_"
					+ i + "\",\"status\":\"completed\"},\"variables\":{},\"data\":{}}";
			assertThat(api
				.postMiniVoice(source.body().path("inboundUrl").asString(), source.body().path("secret").asString(),
						body)
				.status()).isEqualTo(200);
		}
		assertThat(api.call("GET", "/api/v1/deliveries?status=pending&limit=200", null).body().path("data").size())
			.isEqualTo(EVENTS);
		this.receiver.hold();
		Process first = startWorker("first");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.receiver.received().size() == EVENTS);
		int inFlightAtCrash = this.receiver.received().size();
		first.destroyForcibly().waitFor();
		assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		this.receiver.release();
		assertThat(delivered(api)).as("nothing was answered before the crash").isZero();
		startWorker("second");
		await().atMost(Duration.ofSeconds(30)).until(() -> delivered(api) == EVENTS);
		List<Received> arrivals = this.receiver.received();
		Map<String, Long> perEvent = arrivals.stream()
			.collect(Collectors.groupingBy((arrival) -> arrival.header("webhook-id"), Collectors.counting()));
		assertThat(perEvent).as("every event arrived").hasSize(EVENTS);
		assertThat(arrivals.size() - EVENTS).as("duplicates: at most the attempts in flight at the crash")
			.isLessThanOrEqualTo(inFlightAtCrash);
	}

	private long delivered(SwitchboardApi api) {
		return api.call("GET", "/api/v1/deliveries?status=delivered&limit=200", null).body().path("data").size();
	}

	private Process startWorker(String name) throws Exception {
		Path log = Files.createTempFile("switchboard-worker-" + name, ".log");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SwitchboardApplication.class.getName(),
				"--switchboard.roles=worker", "--server.port=0",
				"--spring.r2dbc.url=" + this.environment.getProperty("spring.r2dbc.url"),
				"--spring.r2dbc.username=" + this.environment.getProperty("spring.r2dbc.username"),
				"--spring.r2dbc.password=" + this.environment.getProperty("spring.r2dbc.password", ""),
				"--switchboard.secrets.master-key=" + this.environment.getProperty("switchboard.secrets.master-key"),
				"--switchboard.egress.allow-private-networks=true", "--switchboard.worker.poll-interval=100ms",
				// a lease outlives the longest attempt: connect 1 s + timeout 3 s + 5 s +
				// margin 1 s
				"--switchboard.worker.lease-duration=3s", "--switchboard.worker.connect-timeout=1s",
				"--switchboard.worker.lease-margin=1s", "--switchboard.worker.reclaim-interval=500ms");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(new File(System.getProperty("java.io.tmpdir")))
			.start();
		this.workers.add(process);
		return process;
	}

}
