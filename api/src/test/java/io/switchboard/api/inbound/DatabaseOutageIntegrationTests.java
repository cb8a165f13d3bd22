package io.switchboard.api.inbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.StoppablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under the inbound endpoint and comes back: no 2xx for an event
 * that is not stored, a 503 that tells the provider when to retry, and every acknowledged
 * event still there afterwards.
 */
class DatabaseOutageIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void outageIsAnswered503AndNothingAcknowledgedIsLost() throws Exception {
		try (StoppablePostgres postgres = StoppablePostgres.start(this.dataDir);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(ApiIntegrationTestApplication.class)
					.run("--server.port=0", "--spring.r2dbc.url=" + postgres.r2dbcUrl(),
							"--spring.r2dbc.username=postgres", "--switchboard.inbound.commit-timeout=2s",
							"--spring.r2dbc.pool.max-acquire-time=2s",
							"--spring.r2dbc.pool.max-create-connection-time=2s")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Tenant tenant = app.getBean(TenantRepository.class).create("Outage").block();
			Source source = app.getBean(SourceRepository.class)
				.create(tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null))
				.block();
			List<String> acknowledged = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> response = post(base, source, i);
				assertThat(response.statusCode()).isEqualTo(200);
				acknowledged.add(JSON.readTree(response.body()).path("event_id").asString());
			}

			postgres.stop();
			for (int i = 5; i < 10; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = post(base, source, i);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
				assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("storage-unavailable");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			}
			HttpResponse<String> unknown = http(base + "/in/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "{}");
			assertThat(unknown.statusCode()).as("an unknown token cannot be told apart while the database is down")
				.isEqualTo(503);

			postgres.restart();
			HttpResponse<String> recovered = null;
			for (int attempt = 0; attempt < 60 && (recovered == null || recovered.statusCode() != 200); attempt++) {
				Thread.sleep(250);
				recovered = post(base, source, 100);
			}
			assertThat(recovered.statusCode()).isEqualTo(200);
			acknowledged.add(JSON.readTree(recovered.body()).path("event_id").asString());
			assertThat(storedEventIds(postgres)).containsAll(acknowledged.stream().map(this::uuidOf).toList());
		}
	}

	private HttpResponse<String> post(String base, Source source, int n) throws Exception {
		return http(base + "/in/" + source.inboundToken(),
				"{\"event\":\"call.completed\",\"created_at\":\"2026-05-29T12:10:00Z\",\"call\":{\"id\":\"call_" + n
						+ "\"}}");
	}

	private HttpResponse<String> http(String url, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String uuidOf(String eventId) {
		return io.switchboard.core.id.EventId.parse(eventId).uuid().toString();
	}

	private static List<String> storedEventIds(StoppablePostgres postgres) throws Exception {
		List<String> ids = new ArrayList<>();
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT id::text FROM event")) {
			while (result.next()) {
				ids.add(result.getString(1));
			}
		}
		return ids;
	}

}
