package io.switchboard.worker.asset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.AssetsProperties;
import io.switchboard.core.schedule.RepeatingLoop;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.engine.WorkerProperties;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asset lane of a worker: its fetcher (same egress guard as deliveries, own
 * connections), its threads for the disk, its loop.
 */
@Configuration(proxyBeanMethods = false)
class AssetFetchConfiguration {

	@Bean(destroyMethod = "dispose")
	Scheduler assetDisk(AssetsProperties properties) {
		return Schedulers.newBoundedElastic(Math.max(2, properties.maxFetches()), 10_000, "asset-disk");
	}

	@Bean
	AssetFetcher assetFetcher(AssetsProperties properties, WorkerProperties.Egress egress, ArchivedAssets archive,
			Scheduler assetDisk) {
		return new AssetFetcher(new EgressPolicy(egress.allowPrivateNetworks(), egress.allowList()), archive, assetDisk,
				new AssetFetcher.FetchLimits(properties.maxBytes(), properties.connectTimeout(),
						properties.idleTimeout(), properties.fetchTimeout(), properties.maxFetches()));
	}

	@Bean
	AssetArchiving assetArchiving(AssetRepository assets, AssetFetcher assetFetcher, ArchivedAssets archive,
			Scheduler assetDisk, AssetsProperties properties, ObjectProvider<MeterRegistry> registry) {
		return new AssetArchiving(assets, assetFetcher, archive, assetDisk,
				new AssetArchiving.Settings(properties.pollInterval(), properties.maxFetches(),
						properties.maxFetchesPerTenant(), properties.leaseDuration(), properties.firstRetry(),
						properties.maxRetry()),
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	RepeatingLoop assetArchivingLoop(AssetArchiving archiving, AssetsProperties properties) {
		RepeatingLoop loop = new RepeatingLoop("Asset archiving", properties.pollInterval(), archiving::leaseAndStart);
		archiving.leaseAgainWith(loop::runSoon);
		return loop;
	}

}
