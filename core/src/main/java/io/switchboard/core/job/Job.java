package io.switchboard.core.job;

import java.time.Instant;

import io.switchboard.core.id.JobId;
import io.switchboard.core.id.TenantId;

/**
 * A background job and its progress.
 *
 * @param tenantId the owner
 * @param id the job
 * @param kind {@code replay} or {@code destination-test}
 * @param status {@code queued}, {@code running}, {@code finished} or {@code failed}
 * @param params what to do, as JSON
 * @param total how many items it has
 * @param done how many it handled
 * @param failed how many it could not handle
 * @param cursorId where a replay has got to (it walks down from the job's own id)
 * @param result what came of it, as JSON, or {@code null}
 * @param error why it failed, or {@code null}
 * @param createdBy who asked for it
 * @param leaseOwner the worker running it, or {@code null}
 * @param createdAt when it was asked for
 * @param startedAt when a worker first took it
 * @param finishedAt when it ended
 */
public record Job(TenantId tenantId, JobId id, String kind, String status, String params, long total, long done,
		long failed, java.util.UUID cursorId, String result, String error, String createdBy, String leaseOwner,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	/** A bulk replay. */
	public static final String REPLAY = "replay";

	/** A route's backfill: its source's past events made into deliveries. */
	public static final String BACKFILL = "backfill";

	/** A destination's test send. */
	public static final String DESTINATION_TEST = "destination-test";

	/**
	 * The job after a step of progress.
	 * @param moreDone items handled in the step
	 * @param moreFailed items not handled in the step
	 * @param cursor where it has got to
	 * @return the job as the step left it
	 */
	public Job progressed(long moreDone, long moreFailed, java.util.UUID cursor) {
		return new Job(this.tenantId, this.id, this.kind, this.status, this.params, this.total, this.done + moreDone,
				this.failed + moreFailed, cursor, this.result, this.error, this.createdBy, this.leaseOwner,
				this.createdAt, this.startedAt, this.finishedAt);
	}

	/**
	 * Whether the job has ended.
	 * @return whether it is finished or failed
	 */
	public boolean ended() {
		return "finished".equals(this.status) || "failed".equals(this.status);
	}

}
