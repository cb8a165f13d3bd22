package io.switchboard.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.switchboard.core.id.JobId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The job queue: jobs are created by the API (or the portal) and claimed by workers with
 * a lease; a worker that dies leaves a lease that expires, and another worker resumes the
 * job where its progress says.
 */
@Repository
public class Jobs {

	/** The channel a new job is announced on, so a worker starts it at once. */
	public static final String CHANNEL = "switchboard_job";

	private static final String COLUMNS = """
			tenant_id, id, kind, status, params, total, done, failed, cursor_id, result, error, created_by,
			lease_owner, created_at, started_at, finished_at
			""";

	private static final String INSERT = """
			INSERT INTO job (tenant_id, id, kind, params, total, cursor_id, created_by)
			VALUES (:tenantId, :id, :kind, :params, :total, :cursorId, :createdBy)
			RETURNING
			""" + COLUMNS;

	private static final String FIND = "SELECT " + COLUMNS + " FROM job WHERE tenant_id = :tenantId AND id = :id";

	/**
	 * Claims fairly per tenant: each tenant's least recently served job is its turn, and
	 * the tenant served least recently goes first, so one tenant's many or huge jobs
	 * (each replay batch hands its job back) never hold back another tenant's.
	 */
	private static final String CLAIM = """
			WITH open AS (
				SELECT tenant_id, id, updated_at,
					row_number() OVER (PARTITION BY tenant_id ORDER BY updated_at, id) AS turn,
					max(updated_at) OVER (PARTITION BY tenant_id) AS tenant_served
				FROM job
				WHERE kind = :kind AND status IN ('queued', 'running')),
			next AS (
				SELECT j.tenant_id, j.id FROM job j
				JOIN open o ON o.tenant_id = j.tenant_id AND o.id = j.id
				WHERE j.lease_expires_at IS NULL OR j.lease_expires_at < now()
				ORDER BY o.turn, o.tenant_served, o.updated_at
				LIMIT 1
				FOR UPDATE OF j SKIP LOCKED)
			UPDATE job j
			SET status = 'running', lease_owner = :owner,
				lease_expires_at = now() + make_interval(secs => :leaseSeconds),
				started_at = COALESCE(j.started_at, now()), updated_at = now()
			FROM next
			WHERE j.tenant_id = next.tenant_id AND j.id = next.id
			RETURNING
			""" + COLUMNS.replace("tenant_id, id,", "j.tenant_id, j.id,");

	private static final String HAND_BACK = """
			UPDATE job
			SET lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND lease_owner = :owner AND status = 'running'
			""";

	private static final String PROGRESS = """
			UPDATE job
			SET done = done + :done, failed = failed + :failed, cursor_id = :cursorId,
				lease_expires_at = now() + make_interval(secs => :leaseSeconds), updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND lease_owner = :owner AND status = 'running'
			""";

	private static final String FINISH = """
			UPDATE job
			SET status = :status, done = done + :done, failed = failed + :failed, result = :result, error = :error,
				lease_owner = NULL, lease_expires_at = NULL, finished_at = now(), updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND lease_owner = :owner AND status = 'running'
			""";

	private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', :kind)";

	private final DatabaseClient database;

	public Jobs(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Queues a job and tells the workers.
	 * @param tenantId the owner
	 * @param id the job's id (a replay walks down from it)
	 * @param kind what kind of job
	 * @param params what to do, as JSON
	 * @param total how many items it has, if known
	 * @param createdBy who asks for it
	 * @return the job
	 */
	public Mono<Job> create(TenantId tenantId, JobId id, String kind, String params, long total, String createdBy) {
		return create(tenantId, id, kind, params, total, createdBy, id.uuid());
	}

	/**
	 * Queues a job that starts from a cursor of its own.
	 * @param tenantId the owner
	 * @param id the job's id
	 * @param kind what it does
	 * @param params its parameters, as JSON
	 * @param total how many items it has
	 * @param createdBy who asked for it
	 * @param cursorId where its first batch starts
	 * @return the queued job
	 */
	public Mono<Job> create(TenantId tenantId, JobId id, String kind, String params, long total, String createdBy,
			UUID cursorId) {
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("kind", kind)
			.bind("params", Json.of(params))
			.bind("total", total)
			.bind("cursorId", cursorId)
			.bind("createdBy", createdBy)
			.map(Jobs::read)
			.one()
			.flatMap((job) -> this.database.sql(NOTIFY).bind("kind", kind).fetch().rowsUpdated().thenReturn(job));
	}

	/**
	 * One of a tenant's jobs.
	 * @param tenantId the owner
	 * @param id the job
	 * @return the job, or empty
	 */
	public Mono<Job> find(TenantId tenantId, JobId id) {
		return this.database.sql(FIND).bind("tenantId", tenantId.uuid()).bind("id", id.uuid()).map(Jobs::read).one();
	}

	/**
	 * Takes a job of a kind that no live worker holds: the least recently served job of
	 * the tenant served least recently.
	 * @param kind the kind
	 * @param owner the worker's lease owner name
	 * @param lease how long the lease lasts unless renewed by progress
	 * @return the job, or empty
	 */
	public Mono<Job> claim(String kind, String owner, Duration lease) {
		return this.database.sql(CLAIM)
			.bind("kind", kind)
			.bind("owner", owner)
			.bind("leaseSeconds", seconds(lease))
			.map(Jobs::read)
			.one();
	}

	/**
	 * Records progress and renews the lease.
	 * @param job the running job
	 * @param done items handled now
	 * @param failed items not handled now
	 * @param cursorId where it has got to
	 * @param lease the renewed lease
	 * @return whether the lease was still held
	 */
	public Mono<Boolean> progress(Job job, long done, long failed, UUID cursorId, Duration lease) {
		return this.database.sql(PROGRESS)
			.bind("done", done)
			.bind("failed", failed)
			.bind("cursorId", cursorId)
			.bind("leaseSeconds", seconds(lease))
			.bind("tenantId", job.tenantId().uuid())
			.bind("id", job.id().uuid())
			.bind("owner", job.leaseOwner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Hands a running job back between two of its steps, so other tenants' jobs get their
	 * turn before its next step; it keeps its progress.
	 * @param job the running job
	 * @return whether the lease was still held
	 */
	public Mono<Boolean> handBack(Job job) {
		return this.database.sql(HAND_BACK)
			.bind("tenantId", job.tenantId().uuid())
			.bind("id", job.id().uuid())
			.bind("owner", job.leaseOwner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Ends a job.
	 * @param job the running job
	 * @param succeeded whether it finished (or failed)
	 * @param done items handled in its last step
	 * @param failed items not handled in its last step
	 * @param result what came of it (JSON), or {@code null}
	 * @param error why it failed, or {@code null}
	 * @return whether the lease was still held
	 */
	public Mono<Boolean> finish(Job job, boolean succeeded, long done, long failed, String result, String error) {
		return this.database.sql(FINISH)
			.bind("status", succeeded ? "finished" : "failed")
			.bind("done", done)
			.bind("failed", failed)
			.bind("result", SqlValue.of((result != null) ? Json.of(result) : null, Json.class))
			.bind("error", SqlValue.of(error, String.class))
			.bind("tenantId", job.tenantId().uuid())
			.bind("id", job.id().uuid())
			.bind("owner", job.leaseOwner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static double seconds(Duration duration) {
		return (double) duration.toMillis() / 1000;
	}

	private static Job read(Readable row) {
		Json result = row.get("result", Json.class);
		return new Job(new TenantId(row.get("tenant_id", UUID.class)), new JobId(row.get("id", UUID.class)),
				row.get("kind", String.class), row.get("status", String.class),
				row.get("params", Json.class).asString(), row.get("total", Long.class), row.get("done", Long.class),
				row.get("failed", Long.class), row.get("cursor_id", UUID.class),
				(result != null) ? result.asString() : null, row.get("error", String.class),
				row.get("created_by", String.class), row.get("lease_owner", String.class),
				row.get("created_at", Instant.class), row.get("started_at", Instant.class),
				row.get("finished_at", Instant.class));
	}

}
