package io.switchboard.core.audit;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.switchboard.core.id.AuditEntryId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Stores and reads the audit log. The caller writes in the same transaction as the
 * change, and gives the resource as JSON with its secrets already left out.
 */
@Repository
public class AuditLog {

	private static final String INSERT = """
			INSERT INTO audit_log (tenant_id, id, actor, action, resource_type, resource_id, before, after)
			VALUES (:tenantId, :id, :actor, :action, :resourceType, :resourceId, :before, :after)
			""";

	private static final String PAGE = """
			SELECT id, actor, action, resource_type, resource_id, before, after, created_at
			FROM audit_log
			WHERE tenant_id = :tenantId AND (CAST(:before AS uuid) IS NULL OR id < CAST(:before AS uuid))
			ORDER BY id DESC
			LIMIT :limit
			""";

	private final DatabaseClient database;

	public AuditLog(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Records a change.
	 * @param tenantId the tenant
	 * @param actor who made it
	 * @param action what it was
	 * @param resourceType the kind of resource
	 * @param resourceId the resource
	 * @param before the resource before (JSON, no secrets), or {@code null}
	 * @param after the resource after (JSON, no secrets), or {@code null}
	 * @return done
	 */
	public Mono<Void> record(TenantId tenantId, String actor, String action, String resourceType, String resourceId,
			String before, String after) {
		GenericExecuteSpec insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", AuditEntryId.generate().uuid())
			.bind("actor", actor)
			.bind("action", action)
			.bind("resourceType", resourceType)
			.bind("resourceId", resourceId)
			.bind("before", SqlValue.of((before != null) ? Json.of(before) : null, Json.class))
			.bind("after", SqlValue.of((after != null) ? Json.of(after) : null, Json.class));
		return insert.fetch().rowsUpdated().then();
	}

	/**
	 * A page of a tenant's audit log, newest first.
	 * @param tenantId the tenant
	 * @param before the last entry of the previous page, or {@code null}
	 * @param limit the most to return
	 * @return the entries
	 */
	public Flux<AuditEntry> findPage(TenantId tenantId, AuditEntryId before, int limit) {
		GenericExecuteSpec page = this.database.sql(PAGE)
			.bind("tenantId", tenantId.uuid())
			.bind("limit", limit)
			.bind("before", SqlValue.of((before != null) ? before.uuid() : null, UUID.class));
		return page.map((row) -> {
			Json previous = row.get("before", Json.class);
			Json after = row.get("after", Json.class);
			return new AuditEntry(new AuditEntryId(row.get("id", UUID.class)), row.get("actor", String.class),
					row.get("action", String.class), row.get("resource_type", String.class),
					row.get("resource_id", String.class), (previous != null) ? previous.asString() : null,
					(after != null) ? after.asString() : null, row.get("created_at", Instant.class));
		}).all();
	}

}
