package io.switchboard.core.rejection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.switchboard.core.id.RejectionId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the most recent rejections of each source; older ones are dropped as new ones
 * come.
 */
@Repository
public class RejectionRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final String INSERT = """
			INSERT INTO inbound_rejection (tenant_id, id, source_id, reason, detail, remote_address, headers)
			VALUES (:tenantId, :id, :sourceId, :reason, :detail, :remoteAddress, :headers)
			""";

	private static final String TRIM = """
			DELETE FROM inbound_rejection
			WHERE tenant_id = :tenantId AND source_id = :sourceId AND id < (
				SELECT id FROM inbound_rejection
				WHERE tenant_id = :tenantId AND source_id = :sourceId
				ORDER BY id DESC
				OFFSET :keep - 1 LIMIT 1)
			""";

	private static final String FIND_RECENT = """
			SELECT tenant_id, id, source_id, reason, detail, remote_address, headers, received_at
			FROM inbound_rejection
			WHERE tenant_id = :tenantId AND source_id = :sourceId
			ORDER BY id DESC
			LIMIT :limit
			""";

	private final DatabaseClient database;

	public RejectionRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Records a rejection and drops the source's oldest beyond a cap.
	 * @param tenantId the owner of the source
	 * @param sourceId the source
	 * @param reason the stable code
	 * @param detail a sentence for people
	 * @param remoteAddress where the request came from
	 * @param headers its headers, already redacted
	 * @param keep how many rejections a source keeps
	 * @return done
	 */
	public Mono<Void> record(TenantId tenantId, SourceId sourceId, String reason, String detail, String remoteAddress,
			Map<String, String> headers, int keep) {
		Mono<Long> insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", RejectionId.generate().uuid())
			.bind("sourceId", sourceId.uuid())
			.bind("reason", reason)
			.bind("detail", detail)
			.bind("remoteAddress", (remoteAddress != null) ? remoteAddress : "unknown")
			.bind("headers", Json.of(JSON.writeValueAsString(headers)))
			.fetch()
			.rowsUpdated();
		Mono<Long> trim = this.database.sql(TRIM)
			.bind("tenantId", tenantId.uuid())
			.bind("sourceId", sourceId.uuid())
			.bind("keep", keep)
			.fetch()
			.rowsUpdated();
		return insert.then(trim).then();
	}

	/**
	 * A source's most recent rejections, newest first.
	 * @param tenantId the owner
	 * @param sourceId the source
	 * @param limit the most to return
	 * @return the rejections
	 */
	public Flux<Rejection> findRecent(TenantId tenantId, SourceId sourceId, int limit) {
		return this.database.sql(FIND_RECENT)
			.bind("tenantId", tenantId.uuid())
			.bind("sourceId", sourceId.uuid())
			.bind("limit", limit)
			.map(RejectionRepository::read)
			.all();
	}

	private static Rejection read(Readable row) {
		return new Rejection(new TenantId(row.get("tenant_id", UUID.class)), new RejectionId(row.get("id", UUID.class)),
				new SourceId(row.get("source_id", UUID.class)), row.get("reason", String.class),
				row.get("detail", String.class), row.get("remote_address", String.class),
				JSON.readValue(row.get("headers", Json.class).asString(), HEADERS),
				row.get("received_at", Instant.class));
	}

}
