package io.switchboard.worker.asset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A backlog of assets is worked through at the fetches' pace, not a few per poll: each
 * fetch that ends, and each lease that comes back full, leases again at once. With two
 * fetches at a time and a poll every 8 s, twenty assets would take 80 s of polls.
 */
@SpringBootTest(classes = WorkerIntegrationTestApplication.class,
		properties = { "switchboard.egress.allow-private-networks=true", "switchboard.assets.poll-interval=8s",
				"switchboard.assets.max-fetches=2", "switchboard.assets.max-fetches-per-tenant=2",
				"switchboard.assets.directory=target/assets-backlog-tests" })
class AssetBacklogIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AssetRepository assets;

	private final MinariAssetServer minari = new MinariAssetServer();

	@AfterEach
	void stopServer() {
		this.minari.close();
	}

	@Test
	void aBacklogIsArchivedBetweenTwoPolls() {
		Tenant tenant = this.tenants.create("Backlog " + UUID.randomUUID()).block();
		Source source = MinariCalls.createSource(this.context, tenant.id());
		List<EventId> events = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			events.add(MinariCalls.store(this.context, source, this.minari.recordingUrl(Duration.ofHours(1)),
					this.minari.transcriptUrl(Duration.ofHours(1))));
		}
		// the first poll comes 8 s after start; the wake-ups after it do the rest
		Awaitility.await()
			.atMost(Duration.ofSeconds(25))
			.until(() -> events.stream()
				.flatMap((event) -> this.assets.findByEvent(tenant.id(), event).toStream())
				.filter((asset) -> asset.status() == AssetStatus.ARCHIVED)
				.map(Asset::id)
				.count(), (archived) -> archived == 20);
	}

}
