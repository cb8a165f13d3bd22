package io.switchboard.api.inbound;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.switchboard.testsupport.ProviderPayloads.MINIVOICE_CALL_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbound endpoint's own limits, over real HTTP, with small limits so that the test
 * reaches them: what one sender holds in flight, and what guessing URLs costs.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.inbound.max-unknown-tokens-per-second=2",
				"switchboard.inbound.max-source-bytes-in-flight=64KB", "switchboard.inbound.max-bytes-in-flight=1MB",
				"switchboard.inbound.max-refusals-per-second=2" })
class InboundLimitsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private InboundBudget budget;

	@Autowired
	private SourceCache sourceCache;

	@Test
	void aSlowUploadHoldsOnlyItsSourcesShareAndOtherSourcesAreServed() throws Exception {
		Tenant tenant = this.tenants.create("Slow Sender").block();
		Source slow = this.sources.create(tenant.id(), NewSource.of("Slow", Provider.MINIVOICE, null)).block();
		Source other = this.sources.create(tenant.id(), NewSource.of("Other", Provider.MINIVOICE, null)).block();
		List<Socket> uploads = new ArrayList<>();
		try {
			// An upload of 60 KB that sends its headers and then nothing
			// holds 60 KB of the source's 64 KiB share.
			uploads.add(startUpload(slow, 65_500));
			awaitHeld(65_500);
			HttpResponse<String> shed = post(slow, MINIVOICE_CALL_COMPLETED);
			assertThat(shed.statusCode()).as(shed.body()).isEqualTo(429);
			assertThat(shed.headers().firstValue("Retry-After")).isPresent();
			assertThat(JSON.readTree(shed.body()).path("code").asString()).isEqualTo("source-busy");
			assertThat(post(other, MINIVOICE_CALL_COMPLETED).statusCode()).isEqualTo(200);
		}
		finally {
			for (Socket upload : uploads) {
				upload.close();
			}
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		int status;
		do {
			Thread.sleep(100);
			status = post(slow, MINIVOICE_CALL_COMPLETED).statusCode();
		}
		while (status != 200 && System.nanoTime() < deadline);
		assertThat(status).as("the share comes back when the upload ends").isEqualTo(200);
	}

	@Test
	void guessingInboundUrlsIsRefusedBeforeTheDatabaseButKnownUrlsStillWork() throws Exception {
		Tenant tenant = this.tenants.create("Guessing").block();
		Source known = this.sources.create(tenant.id(), NewSource.of("Known", Provider.MINIVOICE, null)).block();
		assertThat(post(known, MINIVOICE_CALL_COMPLETED).statusCode()).isEqualTo(200);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			statuses.add(postTo("/in/guess" + i + "AAAAAAAAAAAAAAAAAAAAAAAA", "{}").statusCode());
		}
		assertThat(statuses).startsWith(404, 404, 404, 404).contains(429);
		HttpResponse<String> limited = postTo("/in/guessAgainAAAAAAAAAAAAAAAAAAAAAAAA", "{}");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(JSON.readTree(limited.body()).path("code").asString()).isEqualTo("rate-limited");
		assertThat(post(known, MINIVOICE_CALL_COMPLETED.replace("call_123", "call_456")).statusCode())
			.as("a known URL from the same address")
			.isEqualTo(200);
		this.sourceCache.evict(known);
		assertThat(post(known, MINIVOICE_CALL_COMPLETED.replace("call_123", "call_789")).statusCode())
			.as("a URL that named a source recently, though no longer cached")
			.isEqualTo(200);
	}

	@Test
	void aSourceWhoseRequestsKeepBeingRefusedIsNotReadForAWhileAndOthersAreUntouched() throws Exception {
		Tenant tenant = this.tenants.create("Refused").block();
		Source signed = this.sources.create(tenant.id(), NewSource.of("Signed", Provider.MINIVOICE, "a-secret-123"))
			.block();
		Source other = this.sources.create(tenant.id(), NewSource.of("Other", Provider.MINIVOICE, null)).block();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = post(signed, MINIVOICE_CALL_COMPLETED);
			codes.add(response.statusCode() + " " + JSON.readTree(response.body()).path("code").asString());
		}
		assertThat(codes)
			.startsWith("401 signature-missing", "401 signature-missing", "401 signature-missing",
					"401 signature-missing")
			.endsWith("429 too-many-refusals");
		HttpResponse<String> braked = post(signed, MINIVOICE_CALL_COMPLETED);
		assertThat(braked.headers().firstValue("Retry-After")).isPresent();
		assertThat(post(other, MINIVOICE_CALL_COMPLETED).statusCode()).isEqualTo(200);
	}

	private void awaitHeld(long bytes) {
		await("the upload holds its room in time").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.budget.used() == bytes);
	}

	private Socket startUpload(Source source, int length) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /in/" + source.inboundToken() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private HttpResponse<String> post(Source source, String body) throws Exception {
		return postTo("/in/" + source.inboundToken(), body);
	}

	private HttpResponse<String> postTo(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
