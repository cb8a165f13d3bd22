package io.switchboard.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * A list query whose conditions are only those given, so each query can use its index,
 * paged newest first below a cursor id.
 */
final class SqlFilter {

	private final StringBuilder sql;

	private final List<Object[]> binds = new ArrayList<>();

	SqlFilter(String select) {
		this.sql = new StringBuilder(select);
	}

	SqlFilter and(String condition, String name, Object value) {
		if (value != null) {
			this.sql.append("AND ").append(condition).append('\n');
			this.binds.add(new Object[] { name, value });
		}
		return this;
	}

	/**
	 * Bounds by creation time through the time-ordered ids.
	 */
	SqlFilter between(Instant from, Instant to) {
		and("id >= :fromId", "fromId", (from != null) ? floor(from) : null);
		return and("id < :toId", "toId", (to != null) ? floor(to) : null);
	}

	GenericExecuteSpec page(DatabaseClient database, UUID tenantId, UUID before, int limit) {
		and("id < :before", "before", before);
		this.sql.append("ORDER BY id DESC LIMIT :limit");
		return query(database, tenantId).bind("limit", limit);
	}

	GenericExecuteSpec query(DatabaseClient database, UUID tenantId) {
		GenericExecuteSpec spec = database.sql(this.sql.toString()).bind("tenantId", tenantId);
		for (Object[] bind : this.binds) {
			spec = spec.bind((String) bind[0], bind[1]);
		}
		return spec;
	}

	/**
	 * The smallest UUIDv7 of a millisecond: ids at or after it were made at or after it.
	 */
	static UUID floor(Instant time) {
		return new UUID((time.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
	}

}
