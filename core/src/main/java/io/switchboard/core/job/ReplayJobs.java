package io.switchboard.core.job;

import java.time.Duration;
import java.util.List;

import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.JobId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Bulk replay as a job: created with the number of deliveries it will take, then run by a
 * worker in batches, each batch its own short transaction (so replaying 100 000
 * deliveries never holds one long transaction), with progress recorded after each. It
 * walks newest first from the job's own id down, so deliveries made after the job was
 * asked for are not part of it, and a resumed job continues where it stopped. It makes no
 * more due while a few batches of its tenant's deliveries are due and unsent: it goes at
 * the pace its deliveries are sent, never ahead of them.
 */
@Service
public class ReplayJobs {

	/** How many batches of due deliveries a replay may leave waiting before its next. */
	public static final int QUEUED_BATCHES = 4;

	private final Jobs jobs;

	private final DeliveryHistory history;

	private final DeliveryReplays replays;

	public ReplayJobs(Jobs jobs, DeliveryHistory history, DeliveryReplays replays) {
		this.jobs = jobs;
		this.history = history;
		this.replays = replays;
	}

	/**
	 * Queues a bulk replay.
	 * @param tenantId the owner
	 * @param filter which deliveries
	 * @param createdBy who asks for it
	 * @return the queued job, with its total
	 */
	public Mono<Job> start(TenantId tenantId, ReplayFilter filter, String createdBy) {
		JobId id = JobId.generate();
		return this.history.count(tenantId, filter.below(new DeliveryId(id.uuid())))
			.flatMap((total) -> this.jobs.create(tenantId, id, Job.REPLAY, filter.toJson(), total, createdBy));
	}

	/**
	 * Whether a claimed replay job may run its next batch now: fewer than
	 * {@link #QUEUED_BATCHES} batches of its tenant's deliveries (to its destination,
	 * when it names one) are due and unsent to destinations that take deliveries now.
	 * Otherwise it waits for them to go out, so a huge replay is fed to the queue at the
	 * pace its deliveries are sent; a destination that is down holds back no replay.
	 * @param job the claimed job
	 * @param batchSize the most deliveries in one batch
	 * @return whether to run a batch now
	 */
	public Mono<Boolean> roomForBatch(Job job, int batchSize) {
		ReplayFilter filter = ReplayFilter.fromJson(job.params());
		return this.replays.roomForBatch(job.tenantId(),
				(filter.destinationId() != null) ? DestinationId.parse(filter.destinationId()) : null,
				QUEUED_BATCHES * batchSize);
	}

	/**
	 * Runs one batch of a claimed replay job and records its progress, or ends the job
	 * when nothing is left.
	 * @param job the claimed job, as its last batch left it
	 * @param batchSize the most deliveries in one transaction
	 * @param lease the lease to renew
	 * @return the job after this batch; empty when it ended or the lease was lost
	 */
	public Mono<Job> runBatch(Job job, int batchSize, Duration lease) {
		ReplayFilter filter = ReplayFilter.fromJson(job.params());
		return this.history.findIds(job.tenantId(), filter.below(new DeliveryId(job.cursorId())), batchSize)
			.collectList()
			.flatMap((ids) -> replay(job, ids, batchSize, lease));
	}

	private Mono<Job> replay(Job job, List<DeliveryId> ids, int batchSize, Duration lease) {
		return this.replays.replayAll(job.tenantId(), ids).flatMap((replayed) -> {
			long skipped = ids.size() - replayed;
			if (ids.size() < batchSize) {
				return this.jobs.finish(job, true, replayed, skipped, null, null).then(Mono.empty());
			}
			java.util.UUID cursor = ids.get(ids.size() - 1).uuid();
			return this.jobs.progress(job, replayed, skipped, cursor, lease)
				.filter(Boolean::booleanValue)
				.map((held) -> job.progressed(replayed, skipped, cursor));
		});
	}

}
