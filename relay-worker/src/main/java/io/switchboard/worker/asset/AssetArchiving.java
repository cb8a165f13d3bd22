package io.switchboard.worker.asset;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.FetchFailure;
import io.switchboard.core.asset.LeasedAsset;
import io.switchboard.core.asset.StoredAsset;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Archives assets as named phases: lease (due assets, this worker's free places at most,
 * and no tenant beyond its share of fetches across workers), fetch (into the store), then
 * record: archived; or, for a failure that may pass (slow server, 5xx), tried again with
 * a doubling delay until the link's own expiry; or failed with its reason (expired,
 * not-found, too-large, refused, or any failure once the link has expired). A fetch whose
 * lease was lost meanwhile deletes what it stored. Its own lane: its own connections and
 * threads, never the delivery slots.
 */
class AssetArchiving {

	private static final Log logger = LogFactory.getLog(AssetArchiving.class);

	private final UUID worker = UUID.randomUUID();

	private final AssetRepository assets;

	private final AssetFetcher fetcher;

	private final ArchivedAssets archive;

	private final Scheduler disk;

	private final Settings settings;

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile Runnable leaseAgain = () -> {
	};

	private final MeterRegistry registry;

	AssetArchiving(AssetRepository assets, AssetFetcher fetcher, ArchivedAssets archive, Scheduler disk,
			Settings settings, MeterRegistry registry) {
		this.registry = registry;
		this.assets = assets;
		this.fetcher = fetcher;
		this.archive = archive;
		this.disk = disk;
		this.settings = settings;
	}

	/**
	 * Lease: as many due assets as there are free places; each is then fetched on its
	 * own. Run by its loop on the poll interval, and again as soon as a fetch ends or a
	 * lease came back full, so a backlog is worked through at the fetches' pace, not a
	 * few per poll.
	 */
	Mono<Void> leaseAndStart() {
		int room = this.settings.maxFetches() - this.inFlight.get();
		if (room <= 0) {
			return Mono.empty();
		}
		return this.assets
			.lease(this.worker, room, this.settings.maxFetchesPerTenant(), this.settings.lease().toSeconds())
			.doOnNext((leased) -> {
				this.inFlight.incrementAndGet();
				archive(leased).doFinally((signal) -> {
					this.inFlight.decrementAndGet();
					this.leaseAgain.run();
				}).subscribe();
			})
			.count()
			.doOnNext((leased) -> {
				if (leased == room) {
					this.leaseAgain.run(); // there may be more due
				}
			})
			.then();
	}

	/**
	 * What makes the loop lease again without waiting for its interval.
	 * @param leaseAgain such as the loop's {@code runSoon}
	 */
	void leaseAgainWith(Runnable leaseAgain) {
		this.leaseAgain = leaseAgain;
	}

	/** Fetch, then record what came of it; never fails. */
	private Mono<Void> archive(LeasedAsset leased) {
		if (!Instant.now().isBefore(leased.asset().expiresAt())) {
			return expired(leased);
		}
		return this.fetcher.fetch(leased)
			.flatMap((stored) -> recordArchived(leased, stored))
			.onErrorResume(FetchProblem.class, (problem) -> recordFailure(leased, problem))
			.onErrorResume((error) -> {
				logger.warn("Could not record the fetch of " + leased + "; its lease will expire and it will be "
						+ "fetched again: " + error);
				return Mono.empty();
			});
	}

	/**
	 * Its link expired while it waited: never tried, it failed as expired; tried before,
	 * it failed for the last try's reason, which is what kept it from being archived.
	 */
	private Mono<Void> expired(LeasedAsset leased) {
		FetchFailure last = FetchFailure.ofCode(leased.asset().reason());
		if (last == null) {
			return failed(leased, FetchFailure.EXPIRED, "Its link expired before it was fetched");
		}
		return failed(leased, last, "Its link expired after " + (leased.asset().attempts() - 1) + " tries; the last: "
				+ leased.asset().detail());
	}

	/** Failed for good: counted, and recorded with its reason. */
	private Mono<Void> failed(LeasedAsset leased, FetchFailure failure, String detail) {
		count("failed", failure.code());
		return this.assets.failed(this.worker, leased, failure, detail);
	}

	private Mono<Void> recordArchived(LeasedAsset leased, StoredAsset stored) {
		return this.assets.archived(this.worker, leased, stored).flatMap((held) -> {
			if (held) {
				count("archived", "none");
				return Mono.<Void>empty();
			}
			// another worker took it, or its event is gone: what was stored is nobody's
			return Mono.<Void>fromRunnable(() -> {
				try {
					this.archive.delete(leased.storageKey());
				}
				catch (IOException ex) {
					logger.warn("Could not delete the unowned copy of " + leased + ": " + ex.getMessage());
				}
			}).subscribeOn(this.disk);
		});
	}

	private Mono<Void> recordFailure(LeasedAsset leased, FetchProblem problem) {
		Instant next = Instant.now().plus(delay(leased.asset().attempts()));
		if (problem.failure().permanent() || !next.isBefore(leased.asset().expiresAt())) {
			// nothing to wait for: the last try's reason is the asset's
			return failed(leased, problem.failure(), problem.getMessage());
		}
		count("retried", problem.failure().code());
		return this.assets.retry(this.worker, leased, next, problem.failure(), problem.getMessage());
	}

	private void count(String outcome, String reason) {
		Counter.builder("switchboard.assets.fetches")
			.description("Asset fetches, by what came of them and why")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** The first retry's delay, doubled after each attempt, capped, ± 20 %. */
	Duration delay(int attempts) {
		long first = this.settings.firstRetry().toMillis();
		long capped = Math.min(this.settings.maxRetry().toMillis(), first << Math.min(20, Math.max(0, attempts - 1)));
		return Duration.ofMillis((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
	}

	/**
	 * How the loop runs.
	 *
	 * @param pollInterval how often it looks for due assets
	 * @param maxFetches the most fetches in flight in this process
	 * @param maxFetchesPerTenant the most fetches in flight for one tenant
	 * @param lease how long a leased asset is held
	 * @param firstRetry the first retry's delay
	 * @param maxRetry the longest delay
	 */
	record Settings(Duration pollInterval, int maxFetches, int maxFetchesPerTenant, Duration lease, Duration firstRetry,
			Duration maxRetry) {

	}

}
