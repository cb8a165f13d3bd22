package io.switchboard.core.issue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.audit.Actor;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.notification.IssueNotices;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * A tenant's issues: listed newest first, acknowledged ("someone is on it") or resolved
 * by hand. The scan opens them and resolves them when their condition clears.
 */
@Service
public class Issues {

	/** The statuses an issue can have. */
	public static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = """
			tenant_id, id, kind, resource_type, resource_id, status, summary, evidence::text AS evidence, opened_at,
			updated_at, acknowledged_at, acknowledged_by, resolved_at, resolution
			""";

	private static final String LIST = "SELECT " + COLUMNS + """
			FROM issue
			WHERE tenant_id = :tenantId AND (CAST(:status AS text) IS NULL OR status = :status)
			ORDER BY id DESC
			LIMIT :limit
			""";

	private static final String FIND = "SELECT " + COLUMNS + " FROM issue WHERE tenant_id = :tenantId AND id = :id";

	private static final String ACKNOWLEDGE = """
			UPDATE issue SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = :actor,
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND status = 'open'
			""";

	private static final String RESOLVE = IssueNotices.resolved("""
			UPDATE issue i SET status = 'resolved', resolved_at = now(), resolution = :resolution, updated_at = now()
			WHERE i.tenant_id = :tenantId AND i.id = :id AND i.status <> 'resolved'
			""" + IssueNotices.RETURNING);

	private final DatabaseClient database;

	public Issues(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A tenant's issues, newest first.
	 * @param tenantId the tenant
	 * @param status {@code open}, {@code acknowledged}, {@code resolved}, or {@code null}
	 * for all
	 * @param limit the most to list
	 * @return the issues; {@link InvalidInput} for another status
	 */
	public Flux<Issue> list(TenantId tenantId, String status, int limit) {
		if (status != null && !STATUSES.contains(status)) {
			return Flux.error(InvalidInput.of("status", "Give open, acknowledged or resolved."));
		}
		return this.database.sql(LIST)
			.bind("tenantId", tenantId.uuid())
			.bind("status", SqlValue.of(status, String.class))
			.bind("limit", limit)
			.map(Issues::read)
			.all();
	}

	/**
	 * One of a tenant's issues.
	 * @param tenantId the tenant
	 * @param id the issue
	 * @return the issue, or empty
	 */
	public Mono<Issue> find(TenantId tenantId, IssueId id) {
		return this.database.sql(FIND).bind("tenantId", tenantId.uuid()).bind("id", id.uuid()).map(Issues::read).one();
	}

	/**
	 * Says someone is on it; it stays until its condition clears or it is resolved.
	 * @param actor who
	 * @param id the issue
	 * @return the issue as it is now; empty when the tenant has no such issue
	 */
	public Mono<Issue> acknowledge(Actor actor, IssueId id) {
		return this.database.sql(ACKNOWLEDGE)
			.bind("tenantId", actor.tenantId().uuid())
			.bind("id", id.uuid())
			.bind("actor", actor.id())
			.fetch()
			.rowsUpdated()
			.then(find(actor.tenantId(), id));
	}

	/**
	 * Resolves an issue by hand, with its notices; if its condition still holds, the scan
	 * opens a new one.
	 * @param actor who
	 * @param id the issue
	 * @return the issue as it is now; empty when the tenant has no such issue
	 */
	public Mono<Issue> resolve(Actor actor, IssueId id) {
		return this.database.sql(RESOLVE)
			.bind("tenantId", actor.tenantId().uuid())
			.bind("id", id.uuid())
			.bind("resolution", "Resolved by " + actor.id() + ".")
			.map((row) -> row.get("changed", Long.class))
			.one()
			.then(find(actor.tenantId(), id));
	}

	private static Issue read(Readable row) {
		String type = row.get("resource_type", String.class);
		UUID resource = row.get("resource_id", UUID.class);
		String resourceId = "destination".equals(type) ? new DestinationId(resource).toString()
				: new SourceId(resource).toString();
		return new Issue(new TenantId(row.get("tenant_id", UUID.class)), new IssueId(row.get("id", UUID.class)),
				row.get("kind", String.class), type, resourceId, row.get("status", String.class),
				row.get("summary", String.class), JSON.readTree(row.get("evidence", String.class)),
				row.get("opened_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("acknowledged_at", Instant.class), row.get("acknowledged_by", String.class),
				row.get("resolved_at", Instant.class), row.get("resolution", String.class));
	}

}
