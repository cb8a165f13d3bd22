package io.switchboard.core.retention;

import java.time.Instant;
import java.util.UUID;

import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes a tenant's history older than a cut-off, one bounded batch per statement (its
 * own short transaction). Ids are UUIDv7, so "older than" is a range on the primary key.
 * An event goes, with its deliveries and their attempts (the foreign keys cascade), only
 * when none of its deliveries is still on its way (pending, retrying, leased or paused);
 * rows another transaction holds are skipped, not waited for.
 */
@Repository
public class RetentionPurge {

	private static final String UNFINISHED = """
			EXISTS (SELECT 1 FROM delivery d
				WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id
					AND d.status NOT IN %s)
			""".formatted(DeliveryStatus.sqlList(DeliveryStatus.FINAL));

	private static final String PURGE_EVENTS = """
			WITH doomed AS (
				SELECT e.tenant_id, e.id FROM event e
				WHERE e.tenant_id = :tenantId AND e.id < :before AND NOT %1$s
				ORDER BY e.id
				LIMIT :limit
				FOR UPDATE SKIP LOCKED)
			DELETE FROM event e
			USING doomed
			WHERE e.tenant_id = doomed.tenant_id AND e.id = doomed.id AND NOT %1$s
			""".formatted(UNFINISHED);

	/**
	 * The assets of the events the next purge deletes (the same condition), not being
	 * fetched right now; their stored bytes are deleted by the caller.
	 */
	private static final String PURGE_ASSETS = """
			DELETE FROM asset a
			WHERE a.tenant_id = :tenantId AND a.id IN (
				SELECT x.id FROM asset x
				JOIN event e ON e.tenant_id = x.tenant_id AND e.id = x.event_id
				WHERE x.tenant_id = :tenantId AND x.event_id < :before AND NOT %s
					AND (x.leased_until IS NULL OR x.leased_until < now())
				LIMIT :limit
				FOR UPDATE OF x SKIP LOCKED)
			RETURNING a.storage_key
			""".formatted(UNFINISHED);

	private static final String PURGE_TEST_ATTEMPTS = """
			DELETE FROM delivery_attempt
			WHERE tenant_id = :tenantId AND id IN (
				SELECT id FROM delivery_attempt
				WHERE tenant_id = :tenantId AND delivery_id IS NULL AND id < :before
				LIMIT :limit
				FOR UPDATE SKIP LOCKED)
			""";

	private static final String PURGE_NOTICES = """
			DELETE FROM notice
			WHERE tenant_id = :tenantId AND id IN (
				SELECT id FROM notice
				WHERE tenant_id = :tenantId AND id < :before AND status IN ('sent', 'failed')
				LIMIT :limit
				FOR UPDATE SKIP LOCKED)
			""";

	private static final String TENANTS = """
			SELECT tenant_id, coalesce(retention_days, :defaultDays) AS days FROM tenant ORDER BY tenant_id
			""";

	private final DatabaseClient database;

	public RetentionPurge(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Every tenant and how many days it keeps.
	 * @param defaultDays the days for a tenant that sets none
	 * @return the tenants' retention
	 */
	public Flux<TenantRetention> tenants(int defaultDays) {
		return this.database.sql(TENANTS)
			.bind("defaultDays", defaultDays)
			.map((row) -> new TenantRetention(new TenantId(row.get("tenant_id", UUID.class)),
					row.get("days", Integer.class)))
			.all();
	}

	/**
	 * Deletes up to {@code limit} of a tenant's events older than {@code before} whose
	 * deliveries are all final, with those deliveries and their attempts.
	 * @param tenantId the tenant
	 * @param before the cut-off
	 * @param limit the most events to delete
	 * @return how many events were deleted
	 */
	public Mono<Long> purgeEvents(TenantId tenantId, Instant before, int limit) {
		return purge(PURGE_EVENTS, tenantId, before, limit);
	}

	/**
	 * Deletes up to {@code limit} asset rows of a tenant's events that the event purge
	 * will delete.
	 * @param tenantId the tenant
	 * @param before the cut-off
	 * @param limit the most assets to delete
	 * @return the storage keys of the deleted assets that were archived, and one empty
	 * string for each that was not
	 */
	public Flux<String> purgeAssets(TenantId tenantId, Instant before, int limit) {
		return this.database.sql(PURGE_ASSETS)
			.bind("tenantId", tenantId.uuid())
			.bind("before", lowestIdAt(before))
			.bind("limit", limit)
			.map((row) -> {
				String key = row.get("storage_key", String.class);
				return (key != null) ? key : "";
			})
			.all();
	}

	/**
	 * Deletes up to {@code limit} of a tenant's test-send attempts (which belong to no
	 * delivery) older than {@code before}.
	 * @param tenantId the tenant
	 * @param before the cut-off
	 * @param limit the most attempts to delete
	 * @return how many were deleted
	 */
	public Mono<Long> purgeTestAttempts(TenantId tenantId, Instant before, int limit) {
		return purge(PURGE_TEST_ATTEMPTS, tenantId, before, limit);
	}

	/**
	 * Deletes up to {@code limit} of a tenant's notices older than {@code before} that
	 * were sent or failed for good; notices still to send stay.
	 * @param tenantId the tenant
	 * @param before the cut-off
	 * @param limit the most notices to delete
	 * @return how many were deleted
	 */
	public Mono<Long> purgeNotices(TenantId tenantId, Instant before, int limit) {
		return purge(PURGE_NOTICES, tenantId, before, limit);
	}

	private Mono<Long> purge(String sql, TenantId tenantId, Instant before, int limit) {
		return this.database.sql(sql)
			.bind("tenantId", tenantId.uuid())
			.bind("before", lowestIdAt(before))
			.bind("limit", limit)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * The smallest version 7 UUID of a moment: every id made before it sorts lower.
	 * PostgreSQL compares uuids byte by byte, which for v7 is time order.
	 */
	static UUID lowestIdAt(Instant moment) {
		return new UUID((moment.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
	}

	/**
	 * A tenant's retention.
	 *
	 * @param tenantId the tenant
	 * @param days how many days it keeps its history
	 */
	public record TenantRetention(TenantId tenantId, int days) {

	}

}
