package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.spi.ConnectionFactory;
import io.switchboard.core.job.Job;
import io.switchboard.core.job.Jobs;
import io.switchboard.core.job.ReplayJobs;
import io.switchboard.core.route.Backfills;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * Runs background jobs in lanes that never wait on each other or on deliveries: bulk
 * replays, one batch at a time, each its own short transaction, the job handed back after
 * each batch so replays of every tenant take turns, and held back while a few batches of
 * its deliveries wait to be sent; and test sends, several at once, so a person waiting on
 * "send test event" is not queued behind a replay of 100 000 deliveries. Both lanes claim
 * fairly per tenant. A job is claimed with a lease that each batch renews; a worker that
 * dies mid-job leaves a lease that expires, and the job resumes from its recorded
 * progress.
 */
class JobRunner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(JobRunner.class);

	private static final int CONCURRENT_TEST_SENDS = 4;

	private final Jobs jobs;

	private final ReplayJobs replays;

	private final TestSendJob testSends;

	private final Backfills backfills;

	private final WorkerProperties properties;

	private final ConnectionFactory connectionFactory;

	private final String owner = "jobs-" + UUID.randomUUID();

	private final AtomicBoolean running = new AtomicBoolean();

	private final Sinks.Many<String> wakeUps = Sinks.many().multicast().directBestEffort();

	private volatile Disposable loops;

	JobRunner(Jobs jobs, ReplayJobs replays, TestSendJob testSends, Backfills backfills, WorkerProperties properties,
			ConnectionFactory connectionFactory) {
		this.jobs = jobs;
		this.replays = replays;
		this.testSends = testSends;
		this.backfills = backfills;
		this.properties = properties;
		this.connectionFactory = connectionFactory;
	}

	@Override
	public void start() {
		if (!this.running.compareAndSet(false, true)) {
			return;
		}
		Flux<String> announced = Flux
			.merge(Notifications.listen(this.connectionFactory, Jobs.CHANNEL), this.wakeUps.asFlux())
			.share();
		Flux<Long> polls = WorkerLoops.every(Duration.ZERO, this.properties.pollInterval());
		Disposable replayLane = WorkerLoops
			.runForever(Flux.merge(polls, announced.filter(Job.REPLAY::equals).map((kind) -> 0L))
				.onBackpressureLatest()
				.concatMap((tick) -> claim(Job.REPLAY).flatMap(this::runReplay), 1), "Replay job loop");
		Disposable testLane = WorkerLoops.runForever(
				Flux.merge(polls, announced.filter(Job.DESTINATION_TEST::equals).map((kind) -> 0L))
					.onBackpressureLatest()
					.flatMap((tick) -> claim(Job.DESTINATION_TEST).flatMap(this::runTestSend), CONCURRENT_TEST_SENDS),
				"Test send loop");
		Disposable backfillLane = WorkerLoops
			.runForever(Flux.merge(polls, announced.filter(Job.BACKFILL::equals).map((kind) -> 0L))
				.onBackpressureLatest()
				.concatMap((tick) -> claim(Job.BACKFILL).flatMap(this::runBackfill), 1), "Backfill job loop");
		this.loops = Disposables.composite(replayLane, testLane, backfillLane);
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			// a job cut short keeps its lease until it expires, then resumes from its
			// progress
			this.loops.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private Mono<Job> claim(String kind) {
		if (!this.running.get()) {
			return Mono.empty();
		}
		return this.jobs.claim(kind, this.owner, this.properties.leaseDuration()).onErrorResume((error) -> {
			logger.warn("Claiming a " + kind + " job failed; trying again on the next wake-up: " + error);
			return Mono.empty();
		});
	}

	/**
	 * Runs one batch of a replay, then hands the job back: the lane claims again, so
	 * another tenant's replay waiting meanwhile goes next.
	 */
	private Mono<Void> runReplay(Job job) {
		if (!this.running.get()) {
			return Mono.empty();
		}
		int batchSize = this.properties.replayBatchSize();
		return this.replays.roomForBatch(job, batchSize)
			.flatMap((room) -> room ? replayBatch(job, batchSize) : heldBack(job))
			.onErrorResume((error) -> {
				logger.warn("Replay job " + job.id() + " of " + job.tenantId()
						+ " stopped; it resumes when its lease expires: " + error);
				return Mono.empty();
			});
	}

	/** One batch, then the lane claims again at once. */
	private Mono<Void> replayBatch(Job job, int batchSize) {
		return this.replays.runBatch(job, batchSize, this.properties.leaseDuration())
			.flatMap(this.jobs::handBack)
			.then()
			.doOnSuccess((done) -> this.wakeUps.tryEmitNext(Job.REPLAY));
	}

	/**
	 * Its deliveries have not gone out yet: handed back untouched, and tried again on the
	 * lane's next poll, not at once.
	 */
	private Mono<Void> heldBack(Job job) {
		return this.jobs.handBack(job).then();
	}

	/**
	 * Runs one batch of a backfill, then hands the job back, as a replay does: tenants'
	 * backfills take turns.
	 */
	private Mono<Void> runBackfill(Job job) {
		if (!this.running.get()) {
			return Mono.empty();
		}
		return this.backfills.runBatch(job, this.properties.replayBatchSize(), this.properties.leaseDuration())
			.flatMap(this.jobs::handBack)
			.then()
			.doOnSuccess((done) -> this.wakeUps.tryEmitNext(Job.BACKFILL))
			.onErrorResume((error) -> {
				logger.warn("Backfill job " + job.id() + " of " + job.tenantId()
						+ " stopped; it resumes when its lease expires: " + error);
				return Mono.empty();
			});
	}

	private Mono<Void> runTestSend(Job job) {
		return this.testSends.run(job)
			.flatMap((result) -> this.jobs.finish(job, true, 1, 0, result, null))
			.onErrorResume((error) -> this.jobs.finish(job, false, 0, 1, null, String.valueOf(error.getMessage())))
			.onErrorResume((error) -> Mono.empty())
			.doFinally((signal) -> this.wakeUps.tryEmitNext(Job.DESTINATION_TEST))
			.then();
	}

}
