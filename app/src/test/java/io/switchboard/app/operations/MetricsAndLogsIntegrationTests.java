package io.switchboard.app.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events in, deliveries out, and what an operator sees of it: the Prometheus meters on
 * the management port (and not on the public one), one log line per inbound request and
 * per attempt with the ids, and never a secret, token or body in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAndLogsIntegrationTests {

	private static final String SOURCE_SECRET = "mv-secret-" + System.nanoTime();

	private static final String BODY_MARKER = "body-marker-" + System.nanoTime();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path dataDir;

	private TestReceiver receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new TestReceiver();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void metricsMoveAndLogsCarryIdsButNoSecrets(CapturedOutput output) throws Exception {
		AtomicInteger managementPort = new AtomicInteger();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class)
			.listeners((ApplicationListener<WebServerInitializedEvent>) (event) -> {
				if ("management".equals(event.getApplicationContext().getServerNamespace())) {
					managementPort.set(event.getWebServer().getPort());
				}
			})
			// a database of its own, so no other test's worker takes these deliveries
			.run("--server.port=0", "--management.server.port=0", "--switchboard.egress.allow-private-networks=true",
					"--switchboard.worker.telemetry.queue-refresh-interval=100ms",
					"--switchboard.test-database.enabled=false", "--switchboard.data-dir=" + this.dataDir)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Tenant tenant = app.getBean(TenantRepository.class).create("Metrics").block();
			Source source = app.getBean(SourceRepository.class)
				.create(tenant.id(), NewSource.of("MV", Provider.MINIVOICE, SOURCE_SECRET))
				.block();
			Destination destination = app.getBean(DestinationRepository.class)
				.create(tenant.id(), "Receiver", DestinationKind.ZAPIER, this.receiver.url() + "?key=query-secret")
				.block();
			app.getBean(RouteRepository.class)
				.create(tenant.id(), source.id(), destination.id(), List.of("*"), "none")
				.block();

			String inbound = base + "/in/" + source.inboundToken();
			assertThat(post(inbound, event("call_1"), SOURCE_SECRET).statusCode()).isEqualTo(200);
			assertThat(post(inbound, event("call_2"), SOURCE_SECRET).statusCode()).isEqualTo(200);
			assertThat(post(inbound, event("call_2"), SOURCE_SECRET).statusCode()).isEqualTo(200);
			assertThat(post(inbound, event("call_3"), "wrong-secret").statusCode()).isEqualTo(401);

			String management = "http://127.0.0.1:" + managementPort.get();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> metric(scrape(management), "switchboard_delivery_attempts_total",
						"kind=\"zapier\",status=\"delivered\"") >= 2);
			String metrics = scrape(management);
			assertThat(
					metric(metrics, "switchboard_inbound_events_total", "duplicate=\"false\",provider=\"minivoice\""))
				.isGreaterThanOrEqualTo(2);
			assertThat(metric(metrics, "switchboard_inbound_events_total", "duplicate=\"true\",provider=\"minivoice\""))
				.isGreaterThanOrEqualTo(1);
			assertThat(metric(metrics, "switchboard_inbound_rejections_total", "reason=\"signature-invalid\""))
				.isGreaterThanOrEqualTo(1);
			assertThat(metric(metrics, "switchboard_delivery_attempt_duration_seconds_count",
					"kind=\"zapier\",outcome=\"delivered\""))
				.isGreaterThanOrEqualTo(2);
			assertThat(metrics).contains("switchboard_delivery_attempt_duration_seconds_bucket{");
			assertThat(metric(metrics, "switchboard_circuits", "state=\"closed\"")).isGreaterThanOrEqualTo(1);
			assertThat(metrics).contains("switchboard_queue_deliveries{")
				.contains("switchboard_queue_oldest_due_age_seconds");
			assertThat(metrics).as("no per-tenant series, no inbound token in a uri tag")
				.doesNotContain(tenant.id().toString())
				.doesNotContain(source.inboundToken())
				.contains("uri=\"/in/{token}\"");
			assertThat(status(base + "/actuator/prometheus")).as("not on the public port").isIn(401, 403, 404);
			assertThat(dashboardMetrics()).as("every metric the Grafana dashboard plots is exported")
				.isNotEmpty()
				.allMatch((name) -> metrics.contains(name) || name.equals("switchboard_delivery_deferrals_total"));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> output.getAll().lines().filter((line) -> line.contains("attempt tenant=")).count() >= 2);
			String log = output.getAll();
			assertThat(log).contains("inbound tenant=" + tenant.id() + " source=" + source.id() + " event=evt_")
				.contains("reason=signature-invalid")
				.contains("attempt tenant=" + tenant.id())
				.contains("destination=" + destination.id())
				.containsPattern("attempt tenant=\\S+ event=evt_\\S+ delivery=dlv_\\S+");
			assertThat(log).as("no body, token or secret in the log")
				.doesNotContain(BODY_MARKER)
				.doesNotContain(source.inboundToken())
				.doesNotContain(SOURCE_SECRET)
				.doesNotContain(destination.signingSecret())
				.doesNotContain("query-secret");
		}
	}

	private String event(String callId) {
		return "{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"" + callId
				+ "\"},\"variables\":{\"note\":\"" + BODY_MARKER + "\"},\"data\":{}}";
	}

	private HttpResponse<String> post(String url, String body, String secret) throws Exception {
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = HexFormat.of()
			.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("X-MiniVoice-Timestamp", timestamp)
			.header("X-MiniVoice-Signature", "v1=" + signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String scrape(String management) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private int status(String url) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** The metric names the dashboard in infra/grafana queries. */
	private static java.util.Set<String> dashboardMetrics() throws IOException {
		String dashboard = java.nio.file.Files
			.readString(java.nio.file.Path.of("..", "infra", "grafana", "switchboard-dashboard.json"));
		java.util.regex.Matcher names = java.util.regex.Pattern.compile("switchboard_[a-z_]+").matcher(dashboard);
		java.util.Set<String> found = new java.util.TreeSet<>();
		while (names.find()) {
			found.add(names.group());
		}
		return found;
	}

	static double metric(String scrape, String name, String labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{") && line.contains(labels))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
