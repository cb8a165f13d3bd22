package io.switchboard.api.job;

import java.time.Instant;

import io.switchboard.core.job.Job;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job as the API shows it: what it is, how far it has got, what came of it.
 *
 * @param id the job
 * @param kind {@code replay}, {@code destination-test} or {@code backfill}
 * @param status {@code queued}, {@code running}, {@code finished} or {@code failed}
 * @param total items it has
 * @param done items handled
 * @param failed items it could not handle (for a replay: deliveries no longer finished
 * when it reached them)
 * @param params what it was asked to do
 * @param result what came of it, or {@code null}
 * @param error why it failed, or {@code null}
 * @param createdAt when it was asked for
 * @param startedAt when a worker took it
 * @param finishedAt when it ended
 */
public record JobView(String id, String kind, String status, long total, long done, long failed, JsonNode params,
		JsonNode result, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The view of a job.
	 * @param job the job
	 * @return its view
	 */
	public static JobView of(Job job) {
		return new JobView(job.id().toString(), job.kind(), job.status(), job.total(), job.done(), job.failed(),
				JSON.readTree(job.params()), (job.result() != null) ? JSON.readTree(job.result()) : null, job.error(),
				job.createdAt(), job.startedAt(), job.finishedAt());
	}

	/**
	 * The job's address.
	 * @return {@code /api/v1/jobs/{id}}
	 */
	public String location() {
		return "/api/v1/jobs/" + this.id;
	}

}
