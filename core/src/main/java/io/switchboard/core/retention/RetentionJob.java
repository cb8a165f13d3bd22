package io.switchboard.core.retention;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.id.TenantId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One pass of the purge, which workers run on its interval
 * ({@link io.switchboard.core.schedule.RepeatingLoop}): tenant after tenant, batch after
 * batch, each batch a short transaction of its own, until a tenant has nothing left to
 * purge. Ingestion never waits for it: new events are far from the cut-off, and locked
 * rows are skipped. Several workers may run it at once; {@code SKIP LOCKED} keeps them
 * off each other's rows.
 */
class RetentionJob {

	private static final Log logger = LogFactory.getLog(RetentionJob.class);

	private final RetentionPurge purge;

	private final RetentionProperties properties;

	private final Counter purged;

	private final ArchivedAssets assets;

	RetentionJob(RetentionPurge purge, RetentionProperties properties) {
		this(purge, properties, new SimpleMeterRegistry(), null);
	}

	RetentionJob(RetentionPurge purge, RetentionProperties properties, MeterRegistry registry, ArchivedAssets assets) {
		this.assets = assets;
		this.purge = purge;
		this.properties = properties;
		this.purged = Counter.builder("switchboard.retention.purged.events")
			.description("Events purged by retention, with their deliveries and attempts")
			.register(registry);
	}

	/**
	 * One pass over every tenant.
	 * @return how many events were purged
	 */
	Mono<Long> runOnce() {
		Instant now = Instant.now();
		return this.purge.tenants(this.properties.days())
			.concatMap((tenant) -> purgeTenant(tenant.tenantId(), now.minus(Duration.ofDays(tenant.days()))))
			.reduce(0L, Long::sum)
			.doOnNext((purged) -> {
				this.purged.increment(purged);
				if (purged > 0) {
					logger.info("Retention purge removed " + purged + " event(s) with their deliveries and attempts");
				}
			});
	}

	/**
	 * Purges one tenant's history before a cut-off, batch after batch.
	 * @param tenantId the tenant
	 * @param before the cut-off
	 * @return how many events were purged
	 */
	Mono<Long> purgeTenant(TenantId tenantId, Instant before) {
		int limit = this.properties.batchSize();
		Mono<Long> assets = this.purge.purgeAssets(tenantId, before, limit)
			.collectList()
			.flatMap((keys) -> deleteStored(keys).thenReturn(keys.size()))
			.repeat()
			.takeUntil((deleted) -> deleted < limit)
			.then(Mono.just(0L));
		Mono<Long> events = this.purge.purgeEvents(tenantId, before, limit)
			.repeat()
			.takeUntil((deleted) -> deleted < limit)
			.reduce(0L, Long::sum);
		Mono<Void> testAttempts = inBatches(this.purge.purgeTestAttempts(tenantId, before, limit), limit);
		Mono<Void> notices = inBatches(this.purge.purgeNotices(tenantId, before, limit), limit);
		return assets.then(events).flatMap((purged) -> testAttempts.then(notices).thenReturn(purged));
	}

	/**
	 * Deletes purged assets' bytes from the store; one that cannot be deleted now stays
	 * there, logged, and no row refers to it any more.
	 */
	private Mono<Void> deleteStored(List<String> keys) {
		if (this.assets == null || keys.stream().allMatch(String::isEmpty)) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(() -> keys.stream().filter((key) -> !key.isEmpty()).forEach((key) -> {
			try {
				this.assets.delete(key);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Retention could not delete the stored asset " + key + ": " + ex.getMessage());
			}
		})).subscribeOn(Schedulers.boundedElastic());
	}

	private static Mono<Void> inBatches(Mono<Long> batch, int limit) {
		return batch.repeat().takeUntil((deleted) -> deleted < limit).then();
	}

}
