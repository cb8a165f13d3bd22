package io.switchboard.worker.asset;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.AssetStatus;
import io.switchboard.core.fixture.MinariCalls;
import io.switchboard.core.id.EventId;
import io.switchboard.core.source.Source;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.MinariAssetServer;
import io.switchboard.worker.WorkerIntegrationTestApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker archives a Minari event's recording and transcript from a loopback asset
 * server behind expiring signed links, each fetched once; and records expired, missing,
 * oversized and slow assets as failed with their reasons.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.assets.poll-interval=100ms",
				"switchboard.assets.max-bytes=1048576", "switchboard.assets.idle-timeout=1s",
				"switchboard.assets.first-retry=200ms", "switchboard.assets.max-retry=400ms",
				"switchboard.assets.directory=target/assets-worker-tests" })
class AssetArchivingIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AssetRepository assets;

	@Autowired
	private ArchivedAssets archive;

	@Autowired
	private MeterRegistry registry;

	private final MinariAssetServer minari = new MinariAssetServer();

	private Tenant tenant;

	private Source source;

	@BeforeEach
	void createSource() {
		this.tenant = this.tenants.create("Assets " + UUID.randomUUID()).block();
		this.source = MinariCalls.createSource(this.context, this.tenant.id());
	}

	@AfterEach
	void stopServer() {
		this.minari.close();
	}

	@Test
	void recordingAndTranscriptAreArchivedOnceWithTheirBytesAndTypes() throws Exception {
		EventId event = store(this.minari.recordingUrl(Duration.ofHours(24)),
				this.minari.transcriptUrl(Duration.ofHours(24)));
		List<Asset> archived = awaitSettled(event, 2);
		assertThat(archived).extracting(Asset::status).containsOnly(AssetStatus.ARCHIVED);
		Asset recording = archived.get(0);
		assertThat(recording.field()).isEqualTo("/call/recording_url");
		assertThat(recording.contentType()).isEqualTo("audio/mpeg");
		assertThat(recording.bytes()).isEqualTo(this.minari.mp3().length);
		assertThat(recording.sha256()).isEqualTo(MinariAssetServer.sha256(this.minari.mp3()));
		assertThat(archived.get(1).contentType()).isEqualTo("application/json");
		try (InputStream in = this.archive.open(recording, 0, recording.bytes() - 1)) {
			assertThat(in.readAllBytes()).isEqualTo(this.minari.mp3());
		}
		assertThat(Path.of("target/assets-worker-tests").resolve(recording.storageKey())).exists();
		assertThat(this.minari.fetches("recording")).isOne();
		assertThat(this.minari.fetches("transcript")).isOne();
	}

	@Test
	void expiredMissingOversizedAndSlowAssetsFailWithTheirReasons() {
		EventId expired = store(this.minari.recordingUrl(Duration.ofSeconds(-10)), null);
		EventId forbidden = store(this.minari.url("recording", Duration.ofHours(1)).replace("sig=", "sig=0"), null);
		EventId missing = store(this.minari.url("missing", Duration.ofHours(1)), null);
		EventId huge = store(this.minari.url("huge", Duration.ofHours(1)), null);
		// slow: tried again after each timeout until its link expires, then
		// failed for the last try's reason, whether its expiry passed during
		// a try or while it waited
		EventId slow = store(this.minari.url("slow", Duration.ofSeconds(5)), null);
		assertThat(reason(expired)).isEqualTo("expired");
		assertThat(this.minari.fetches("recording")).as("an expired link is not fetched").isOne();
		assertThat(reason(forbidden)).isEqualTo("expired");
		assertThat(reason(missing)).isEqualTo("not-found");
		assertThat(reason(huge)).isEqualTo("too-large");
		assertThat(reason(slow)).isEqualTo("timeout");
		assertThat(this.minari.fetches("slow")).isGreaterThan(1);
		Asset slowAsset = this.assets.findByEvent(this.tenant.id(), slow).blockFirst();
		assertThat(slowAsset.detail()).contains("too slow");
		assertThat(
				this.registry.counter("switchboard.assets.fetches", "outcome", "failed", "reason", "not-found").count())
			.isPositive();
		assertThat(
				this.registry.counter("switchboard.assets.fetches", "outcome", "retried", "reason", "timeout").count())
			.isPositive();
	}

	private String reason(EventId event) {
		return awaitSettled(event, 1).get(0).reason();
	}

	private List<Asset> awaitSettled(EventId event, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.assets.findByEvent(this.tenant.id(), event).collectList().block(),
					(found) -> found.size() == count
							&& found.stream().allMatch((asset) -> asset.status() != AssetStatus.PENDING));
	}

	private EventId store(String recording, String transcript) {
		return MinariCalls.store(this.context, this.source, recording, transcript);
	}

}
