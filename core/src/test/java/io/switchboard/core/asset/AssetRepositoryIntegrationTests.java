package io.switchboard.core.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.switchboard.core.fixture.MinariCalls;
import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.source.AssetArchiving;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AssetRepositoryIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AssetRepository assets;

	private Tenant tenant;

	private Source minari;

	@BeforeEach
	void createSource() {
		this.tenant = this.tenants.create("Assets " + UUID.randomUUID()).block();
		this.minari = MinariCalls.createSource(this.context, this.tenant.id());
	}

	@Test
	void aMinariSourceArchivesItsRecordingAndTranscriptByDefault() {
		assertThat(this.minari.assets()).isEqualTo(new AssetArchiving(true, AssetArchiving.MINARI_FIELDS));
		assertThat(this.sources.create(this.tenant.id(), NewSource.of("MV", Provider.MINIVOICE, null))
			.block()
			.assets()
			.enabled()).isFalse();
	}

	@Test
	void storingAnEventWritesOnePendingAssetPerLinkAndADuplicateWritesNone() {
		EventId id = store("k1", "https://minari.example/rec?expires=4102444800&sig=x",
				"https://minari.example/tr?expires=4102444800&sig=x");
		store("k1", "https://minari.example/rec?expires=4102444800&sig=x", null);
		List<Asset> found = this.assets.findByEvent(this.tenant.id(), id).collectList().block();
		assertThat(found).extracting(Asset::field).containsExactly("/call/recording_url", "/call/transcript_url");
		assertThat(found).extracting(Asset::status).containsOnly(AssetStatus.PENDING);
		assertThat(found).extracting(Asset::expiresAt).containsOnly(Instant.ofEpochSecond(4102444800L));
	}

	@Test
	void aLinkExpiredOnArrivalIsFailedAtOnceAndNeverLeased() {
		// expires=1734567890 is 2024-12-18, as in Minari's own example payload
		EventId id = store("late", "https://minari.example/rec?expires=1734567890&sig=x",
				"https://minari.example/tr?expires=4102444800&sig=x");
		List<Asset> found = this.assets.findByEvent(this.tenant.id(), id).collectList().block();
		assertThat(found).extracting(Asset::status).containsExactly(AssetStatus.FAILED, AssetStatus.PENDING);
		assertThat(found.get(0).reason()).isEqualTo("expired");
		assertThat(found.get(0).detail()).isEqualTo("Its link had expired when the event arrived");
		assertThat(this.assets.lease(UUID.randomUUID(), 1000, 1000, 60)
			.filter((asset) -> asset.asset().tenantId().equals(this.tenant.id()))
			.map((asset) -> asset.asset().field())
			.collectList()
			.block()).containsExactly("/call/transcript_url");
	}

	@RepeatedTest(5)
	void concurrentWorkersNeverLeaseTheSameAssetAndATenantGetsNoMoreThanItsShare() {
		for (int i = 0; i < 6; i++) {
			store("many-" + i, "https://minari.example/rec/" + i, "https://minari.example/tr/" + i);
		}
		List<UUID> workers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		List<LeasedAsset> leased = Flux.fromIterable(workers)
			.flatMap((worker) -> this.assets.lease(worker, 1000, 3, 60))
			.filter((asset) -> asset.asset().tenantId().equals(this.tenant.id()))
			.collectList()
			.block();
		Set<AssetId> ids = new HashSet<>();
		leased.forEach((asset) -> assertThat(ids.add(asset.asset().id())).as("leased twice").isTrue());
		assertThat(leased).hasSizeBetween(1, 3 * workers.size());
		// once its share is out, no worker takes more of this tenant's assets
		List<LeasedAsset> more = new ArrayList<>();
		for (UUID worker : workers) {
			more.addAll(this.assets.lease(worker, 1000, leased.size(), 60)
				.filter((asset) -> asset.asset().tenantId().equals(this.tenant.id()))
				.collectList()
				.block());
		}
		assertThat(more).isEmpty();
		assertThat(leased.get(0).sourceUrl()).startsWith("https://minari.example/");
	}

	@Test
	void aTenantsBacklogLeavesRoomForAnotherTenantsAssets() {
		for (int i = 0; i < 8; i++) {
			store("backlog-" + i, "https://minari.example/rec/b" + i, "https://minari.example/tr/b" + i);
		}
		Tenant other = this.tenants.create("Small " + UUID.randomUUID()).block();
		Source small = MinariCalls.createSource(this.context, other.id());
		MinariCalls.store(this.context, small, "https://minari.example/rec/small", null);
		List<LeasedAsset> leased = this.assets.lease(UUID.randomUUID(), 1000, 2, 60).collectList().block();
		assertThat(leased).filteredOn((asset) -> asset.asset().tenantId().equals(this.tenant.id())).hasSize(2);
		assertThat(leased).filteredOn((asset) -> asset.asset().tenantId().equals(other.id())).hasSize(1);
	}

	@Test
	void onlyTheLeaseHolderSettlesAndAFailureKeepsItsReason() {
		store("settle", "https://minari.example/rec/s", null);
		UUID worker = UUID.randomUUID();
		LeasedAsset leased = this.assets.lease(worker, 1000, 100, 60)
			.filter((asset) -> asset.asset().tenantId().equals(this.tenant.id()))
			.blockFirst();
		assertThat(this.assets.archived(UUID.randomUUID(), leased, new StoredAsset("audio/mpeg", 3, "abc")).block())
			.isFalse();
		this.assets.retry(worker, leased, Instant.now().minusSeconds(1), FetchFailure.TIMEOUT, "slow").block();
		LeasedAsset again = this.assets.lease(worker, 1000, 100, 60)
			.filter((asset) -> asset.asset().tenantId().equals(this.tenant.id()))
			.blockFirst();
		assertThat(again.asset().attempts()).isEqualTo(2);
		assertThat(again.asset().reason()).isEqualTo("timeout");
		this.assets.failed(worker, again, FetchFailure.EXPIRED, "403 from the asset's server").block();
		Asset failed = this.assets.findByTenantAndId(this.tenant.id(), again.asset().id()).block();
		assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
		assertThat(failed.reason()).isEqualTo("expired");
		assertThat(failed.detail()).isEqualTo("403 from the asset's server");
	}

	private EventId store(String key, String recording, String transcript) {
		return MinariCalls.store(this.context, this.minari, key, recording, transcript);
	}

}
