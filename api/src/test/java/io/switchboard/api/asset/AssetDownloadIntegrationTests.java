package io.switchboard.api.asset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.secret.LinkSigner;
import io.switchboard.core.secret.SecretsProperties;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /a/{tenant}/{asset}} answers a link Switchboard signed with the asset's
 * bytes, without a token; and nothing else: an altered, expired or unsigned link is 403,
 * an unknown or not yet archived asset 404, and a stored type a browser would run is
 * served as inert bytes.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AssetDownloadIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private EventStore events;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ArchivedAssets archive;

	@Autowired
	private AssetLinks links;

	@Autowired
	private SecretsProperties secrets;

	private TenantId tenant;

	private EventId event;

	@BeforeEach
	void storeEvent() {
		this.tenant = this.tenants.create("Downloads " + UUID.randomUUID()).block().id();
		Source source = this.sources.create(this.tenant, NewSource.of("Generic", Provider.MINIVOICE, null)).block();
		this.event = this.events.store(List.of(new IncomingEvent(this.tenant, source.id(),
				new EventFacts("call.completed", null, null, false, UUID.randomUUID().toString()), "application/json",
				Map.of(), "{}".getBytes(StandardCharsets.UTF_8))))
			.block()
			.get(0)
			.eventId();
	}

	@Test
	void aSignedLinkServesTheBytesWithoutAToken() throws Exception {
		AssetId asset = archived("audio/mpeg", "ID3 not really an mp3");
		HttpResponse<String> answer = get(this.links.path(this.tenant, asset), null);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("ID3 not really an mp3");
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
		HttpResponse<String> range = get(this.links.path(this.tenant, asset), "bytes=4-6");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo("not");
	}

	@Test
	void alteredExpiredUnsignedOrOtherTenantsLinksAreRefused() throws Exception {
		AssetId asset = archived("audio/mpeg", "bytes");
		String link = this.links.path(this.tenant, asset);
		assertThat(get(link.replace("sig=", "sig=A"), null).statusCode()).isEqualTo(403);
		assertThat(get("/a/" + this.tenant + "/" + asset, null).statusCode()).isEqualTo(403);
		assertThat(get(link.replace(this.tenant.toString(), TenantId.generate().toString()), null).statusCode())
			.isEqualTo(403);
		long past = Instant.now().minusSeconds(1).getEpochSecond();
		String expired = "/a/" + this.tenant + "/" + asset + "?expires=" + past + "&sig="
				+ new LinkSigner(this.secrets).sign("asset\n" + this.tenant + "\n" + asset + "\n" + past);
		HttpResponse<String> refused = get(expired, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("expired");
	}

	@Test
	void unknownMalformedOrPendingAssetsAreNotFound() throws Exception {
		assertThat(get(this.links.path(this.tenant, AssetId.generate()), null).statusCode()).isEqualTo(404);
		assertThat(get("/a/nonsense/nonsense?expires=1&sig=x", null).statusCode()).isEqualTo(404);
		AssetId pending = insert("pending", null, null, 0);
		assertThat(get(this.links.path(this.tenant, pending), null).statusCode()).isEqualTo(404);
	}

	@Test
	void typesABrowserWouldRunAreServedInert() throws Exception {
		AssetId page = archived("text/html", "<script>alert(1)</script>");
		HttpResponse<String> answer = get(this.links.path(this.tenant, page), null);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
	}

	private AssetId archived(String contentType, String text) throws Exception {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		AssetId id = AssetId.generate();
		String key = this.tenant + "/" + this.event + "/" + id;
		ArchivedAssets.Sealer sealer = this.archive.begin(key);
		sealer.write(ByteBuffer.wrap(bytes));
		sealer.finish(contentType);
		return insert("archived", contentType, key, bytes.length, id);
	}

	private AssetId insert(String status, String contentType, String key, long bytes) {
		return insert(status, contentType, key, bytes, AssetId.generate());
	}

	private AssetId insert(String status, String contentType, String key, long bytes, AssetId id) {
		this.database
			.sql("INSERT INTO asset (tenant_id, id, event_id, field, source_url, expires_at, status, content_type,"
					+ " storage_key, bytes, sha256) VALUES (:tenant, :id, :event, :field, :url, now(), :status,"
					+ " :type, :key, :bytes, 'abc')")
			.bind("tenant", this.tenant.uuid())
			.bind("id", id.uuid())
			.bind("event", this.event.uuid())
			.bind("field", "/call/" + UUID.randomUUID())
			.bind("url", new byte[] { 0 })
			.bind("status", status)
			.bind("type", (contentType != null) ? contentType : "")
			.bind("key", (key != null) ? key : "")
			.bind("bytes", bytes)
			.fetch()
			.rowsUpdated()
			.block();
		return id;
	}

	private HttpResponse<String> get(String path, String range) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (range != null) {
			request.header("Range", range);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
