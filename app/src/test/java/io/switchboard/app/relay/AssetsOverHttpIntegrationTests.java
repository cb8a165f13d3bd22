package io.switchboard.app.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.app.relay.SwitchboardApi.Answer;
import io.switchboard.testsupport.MinariAssetServer;
import io.switchboard.testsupport.S3Server;
import io.switchboard.testsupport.TestReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's end to end: a signed Minari event arrives whose recording and transcript sit
 * behind expiring signed links on a loopback "Minari asset server"; both are archived; a
 * destination with {@code assetLinks: archived} receives Switchboard's links; after the
 * original links expired (403), Switchboard's still stream the same bytes and honour
 * {@code Range}. Once with the file store, once against a real S3 server (s3proxy).
 */
class AssetsOverHttpIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String MINARI_SECRET = "minari-webhook-secret-1";

	private static final Duration ORIGINALS_VALID_FOR = Duration.ofSeconds(6);

	@Nested
	@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
	class WithTheFileStore extends Scenario {

		private static final int PORT = freePort();

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			common(registry, PORT);
		}

		@Override
		int port() {
			return PORT;
		}

	}

	@Nested
	@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
	class WithAnS3Store extends Scenario {

		private static final int PORT = freePort();

		private static S3Server s3;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) throws Exception {
			common(registry, PORT);
			s3 = S3Server.start();
			s3.properties().forEach((name, value) -> registry.add(name, () -> value));
		}

		@AfterAll
		static void stopS3() throws Exception {
			s3.close();
		}

		@Override
		int port() {
			return PORT;
		}

		@Override
		void assertStored() {
			assertThat(s3.objects()).as("the bucket holds both assets").isGreaterThanOrEqualTo(2);
		}

	}

	abstract static class Scenario {

		private final MinariAssetServer minari = new MinariAssetServer();

		private final TestReceiver receiver = new TestReceiver();

		private SwitchboardApi api;

		private String inboundUrl;

		abstract int port();

		void assertStored() {
		}

		static void common(DynamicPropertyRegistry registry, int port) {
			registry.add("server.port", () -> port);
			registry.add("switchboard.public-url", () -> "http://127.0.0.1:" + port);
			registry.add("switchboard.egress.allow-private-networks", () -> "true");
			registry.add("switchboard.worker.poll-interval", () -> "100ms");
			registry.add("switchboard.assets.poll-interval", () -> "100ms");
		}

		@BeforeEach
		void configureRelay() {
			this.api = new SwitchboardApi("http://127.0.0.1:" + port())
				.signUp("assets-" + System.nanoTime() + "@example.com");
			Answer source = this.api.call("POST", "/api/v1/sources",
					Map.of("provider", "minari", "name", "Minari", "secret", MINARI_SECRET));
			assertThat(source.status()).as(source.body().toString()).isEqualTo(201);
			assertThat(source.body().path("archiveAssets").asBoolean()).isTrue();
			this.inboundUrl = source.body().path("inboundUrl").asString();
			Answer destination = this.api.call("POST", "/api/v1/destinations", Map.of("kind", "custom", "name", "CRM",
					"url", this.receiver.url(), "retryDelaysMs", List.of(10), "assetLinks", "archived"));
			assertThat(destination.status()).as(destination.body().toString()).isEqualTo(201);
			assertThat(destination.body().path("assetLinks").asString()).isEqualTo("archived");
			assertThat(
					this.api
						.call("POST", "/api/v1/routes", Map.of("sourceId", source.body().path("id").asString(),
								"destinationId", destination.body().path("id").asString()))
						.status())
				.isEqualTo(201);
		}

		@AfterEach
		void stopServers() {
			this.receiver.close();
			this.minari.close();
		}

		@Test
		void archivedLinksOutliveTheOriginalsAndStreamTheSameBytesWithRanges() throws Exception {
			String recording = this.minari.recordingUrl(ORIGINALS_VALID_FOR);
			String transcript = this.minari.transcriptUrl(ORIGINALS_VALID_FOR);
			String body = """
					{"event":"call.completed","call":{"ended_at":"2026-12-06T10:00:00.000Z","status":"connected",\
					"direction":"outgoing","duration_seconds":180,"recording_url":"%s","transcript_url":"%s",\
					"summary":"Pricing."},"prospect":null,"user":{"name":"Jane"}}""".formatted(recording, transcript);
			Answer ack = this.api.postMinari(this.inboundUrl, MINARI_SECRET, body);
			assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
			String eventId = ack.body().path("event_id").asString();

			JsonNode assets = await().atMost(Duration.ofSeconds(30))
				.until(() -> this.api.call("GET", "/api/v1/events/" + eventId, null).body().path("assets"),
						(found) -> found.size() == 2 && found.get(0).path("status").asString().equals("archived")
								&& found.get(1).path("status").asString().equals("archived"));
			assertThat(assets.get(0).path("field").asString()).isEqualTo("/call/recording_url");
			assertThat(assets.get(0).path("id").asString()).startsWith("ast_");
			assertThat(assets.get(0).path("contentType").asString()).isEqualTo("audio/mpeg");
			assertThat(assets.get(0).path("bytes").asLong()).isEqualTo(this.minari.mp3().length);
			assertThat(assets.get(0).path("sha256").asString()).isEqualTo(MinariAssetServer.sha256(this.minari.mp3()));
			assertStored();

			await().atMost(Duration.ofSeconds(30)).until(() -> !this.receiver.received().isEmpty());
			JsonNode delivered = JSON.readTree(this.receiver.received().get(0).body());
			String recordingLink = delivered.path("call").path("recording_url").asString();
			String transcriptLink = delivered.path("call").path("transcript_url").asString();
			assertThat(recordingLink).startsWith("http://127.0.0.1:" + port() + "/a/").isNotEqualTo(recording);
			assertThat(transcriptLink).startsWith("http://127.0.0.1:" + port() + "/a/");
			assertThat(delivered.path("call").path("summary").asString()).isEqualTo("Pricing.");

			await().atMost(ORIGINALS_VALID_FOR.plusSeconds(10)).until(() -> get(recording, null).statusCode() == 403);

			HttpResponse<byte[]> whole = get(recordingLink, null);
			assertThat(whole.statusCode()).isEqualTo(200);
			assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
			assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
			assertThat(MinariAssetServer.sha256(whole.body())).isEqualTo(MinariAssetServer.sha256(this.minari.mp3()));

			HttpResponse<byte[]> range = get(recordingLink, "bytes=65530-65629");
			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(range.headers().firstValue("Content-Range"))
				.hasValue("bytes 65530-65629/" + this.minari.mp3().length);
			assertThat(range.body()).isEqualTo(Arrays.copyOfRange(this.minari.mp3(), 65530, 65630));
			HttpResponse<byte[]> tail = get(recordingLink, "bytes=-10");
			assertThat(tail.body()).isEqualTo(
					Arrays.copyOfRange(this.minari.mp3(), this.minari.mp3().length - 10, this.minari.mp3().length));
			assertThat(get(recordingLink, "bytes=999999999-").statusCode()).isEqualTo(416);

			HttpResponse<byte[]> text = get(transcriptLink, null);
			assertThat(text.headers().firstValue("Content-Type")).hasValue("application/json");
			assertThat(text.body()).isEqualTo(this.minari.transcript());

			assertThat(get(recordingLink.replace("sig=", "sig=x"), null).statusCode()).isEqualTo(403);
			assertThat(get(recordingLink.replaceFirst("expires=\\d+", "expires=4102444800"), null).statusCode())
				.isEqualTo(403);
		}

		private static HttpResponse<byte[]> get(String url, String range) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
			if (range != null) {
				request.header("Range", range);
			}
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}

	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
