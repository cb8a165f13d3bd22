package io.switchboard.core.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.schema.PositionalBinds;
import io.switchboard.core.secret.SecretCipher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores assets, their source links sealed. New assets are written with their event, in
 * the ingest transaction; workers lease due ones with {@code FOR UPDATE SKIP LOCKED}, so
 * no asset is fetched by two workers at once, and no tenant holds more than its share of
 * fetches; a fetch settles only the lease it holds.
 */
@Repository
public class AssetRepository {

	private static final String COLUMNS = """
			tenant_id, id, event_id, field, status, reason, detail, content_type, bytes, sha256, storage_key, attempts,
			expires_at, created_at, archived_at
			""";

	/**
	 * New assets: pending, or failed at once when the link had already expired when the
	 * event came (a replayed or late webhook): nothing to fetch, and nothing for the
	 * lease to walk past.
	 */
	private static final String INSERT = """
			INSERT INTO asset (tenant_id, id, event_id, field, source_url, expires_at, status, reason, detail)
			VALUES :tuples
			ON CONFLICT (tenant_id, event_id, field) DO NOTHING
			""";

	private static final String EXPIRED_ON_ARRIVAL = "Its link had expired when the event arrived";

	/**
	 * Due assets, oldest first, at most {@code :perTenant} in flight per tenant counting
	 * those already leased (by any worker); every tenant with due assets is a candidate
	 * with its own oldest few, so one tenant's backlog cannot fill the window and starve
	 * the others. Each taken row is locked and rows another worker is taking are skipped.
	 * The lease conditions are stated again where the row is locked and where it is
	 * updated: a row another worker leased and committed after this statement's snapshot
	 * is re-checked there, on its newest version, and left alone.
	 */
	private static final String LEASE = """
			WITH RECURSIVE busy AS (
				SELECT tenant_id, count(*) AS n FROM asset
				WHERE status = 'pending' AND leased_by IS NOT NULL AND leased_until > now()
				GROUP BY tenant_id),
			-- the tenants with due assets: one probe of asset_due per tenant, not a walk of
			-- every pending asset
			waiting AS (
				(SELECT tenant_id FROM asset WHERE status = 'pending' AND next_attempt_at <= now()
					ORDER BY tenant_id LIMIT 1)
				UNION ALL
				SELECT next.tenant_id FROM waiting w
				CROSS JOIN LATERAL (SELECT a.tenant_id FROM asset a
					WHERE a.status = 'pending' AND a.next_attempt_at <= now() AND a.tenant_id > w.tenant_id
					ORDER BY a.tenant_id LIMIT 1) next),
			due AS (
				SELECT d.tenant_id, d.id, d.next_attempt_at,
					row_number() OVER (PARTITION BY d.tenant_id ORDER BY d.next_attempt_at) + coalesce(b.n, 0) AS place
				FROM waiting w
				CROSS JOIN LATERAL (
					SELECT a.tenant_id, a.id, a.next_attempt_at FROM asset a
					WHERE a.tenant_id = w.tenant_id AND a.status = 'pending' AND a.next_attempt_at <= now()
						AND (a.leased_until IS NULL OR a.leased_until <= now())
					ORDER BY a.next_attempt_at
					LIMIT :perTenant) d
				LEFT JOIN busy b ON b.tenant_id = d.tenant_id),
			chosen AS (
				SELECT a.tenant_id, a.id FROM asset a
				JOIN due r ON r.tenant_id = a.tenant_id AND r.id = a.id
				WHERE r.place <= :perTenant AND a.status = 'pending'
					AND (a.leased_until IS NULL OR a.leased_until <= now())
				ORDER BY r.next_attempt_at
				LIMIT :limit
				FOR UPDATE OF a SKIP LOCKED)
			UPDATE asset a SET leased_by = :worker, leased_until = now() + make_interval(secs => :leaseSeconds),
				attempts = a.attempts + 1
			FROM chosen
			WHERE a.tenant_id = chosen.tenant_id AND a.id = chosen.id AND a.status = 'pending'
				AND (a.leased_until IS NULL OR a.leased_until <= now())
			RETURNING a.source_url, a.tenant_id, a.id, a.event_id, a.field, a.status, a.reason, a.detail,
				a.content_type, a.bytes, a.sha256, a.storage_key, a.attempts, a.expires_at, a.created_at, a.archived_at
			""";

	private static final String ARCHIVED = """
			UPDATE asset SET status = 'archived', content_type = :contentType, bytes = :bytes, sha256 = :sha256,
				storage_key = :storageKey, archived_at = now(), reason = NULL, detail = NULL,
				leased_by = NULL, leased_until = NULL
			WHERE tenant_id = :tenantId AND id = :id AND leased_by = :worker AND status = 'pending'
			""";

	private static final String RETRY = """
			UPDATE asset SET next_attempt_at = :at, reason = :reason, detail = :detail, leased_by = NULL,
				leased_until = NULL
			WHERE tenant_id = :tenantId AND id = :id AND leased_by = :worker AND status = 'pending'
			""";

	private static final String FAILED = """
			UPDATE asset SET status = 'failed', reason = :reason, detail = :detail, leased_by = NULL,
				leased_until = NULL
			WHERE tenant_id = :tenantId AND id = :id AND leased_by = :worker AND status = 'pending'
			""";

	private static final String FIND_BY_EVENT = "SELECT " + COLUMNS + """
			FROM asset WHERE tenant_id = :tenantId AND event_id = :eventId ORDER BY field
			""";

	private static final String FIND_BY_TENANT_AND_ID = "SELECT " + COLUMNS + """
			FROM asset WHERE tenant_id = :tenantId AND id = :id
			""";

	private static final String STORED_BYTES = """
			SELECT count(*) AS assets, coalesce(sum(bytes), 0)::bigint AS bytes
			FROM asset WHERE tenant_id = :tenantId AND status = 'archived'
			""";

	private final DatabaseClient database;

	private final SecretCipher cipher;

	public AssetRepository(DatabaseClient database, SecretCipher cipher) {
		this.database = database;
		this.cipher = cipher;
	}

	/**
	 * Writes the assets of newly stored events, in the caller's transaction.
	 * @param assets the assets, with the event each belongs to
	 * @return done once written
	 */
	public Mono<Void> insert(List<NewAsset> assets) {
		if (assets.isEmpty()) {
			return Mono.empty();
		}
		PositionalBinds binds = new PositionalBinds();
		Instant now = Instant.now();
		for (NewAsset asset : assets) {
			AssetId id = AssetId.generate();
			boolean expired = !now.isBefore(asset.link().expiresAt());
			binds.row(asset.tenantId().uuid(), UUID.class, id.uuid(), UUID.class, asset.eventId().uuid(), UUID.class,
					asset.link().field(), String.class,
					this.cipher.seal(asset.link().url(), owner(asset.tenantId(), id)), byte[].class,
					asset.link().expiresAt(), Instant.class, expired ? "failed" : "pending", String.class,
					expired ? FetchFailure.EXPIRED.code() : null, String.class, expired ? EXPIRED_ON_ARRIVAL : null,
					String.class);
		}
		return binds.bind(this.database, INSERT).fetch().rowsUpdated().then();
	}

	/**
	 * Takes due assets to fetch.
	 * @param worker the worker taking them
	 * @param limit the most to take
	 * @param perTenant the most fetches in flight for one tenant
	 * @param leaseSeconds how long the worker holds them
	 * @return the assets with their source links
	 */
	public Flux<LeasedAsset> lease(UUID worker, int limit, int perTenant, long leaseSeconds) {
		return this.database.sql(LEASE)
			.bind("worker", worker)
			.bind("limit", limit)
			.bind("perTenant", perTenant)
			.bind("leaseSeconds", (double) leaseSeconds)
			.map((row) -> {
				Asset asset = read(row);
				return new LeasedAsset(asset,
						this.cipher.open(row.get("source_url", byte[].class), owner(asset.tenantId(), asset.id())));
			})
			.all();
	}

	/**
	 * Records a fetched asset as kept.
	 * @param worker the worker holding it
	 * @param leased the asset
	 * @param stored what was stored
	 * @return whether the lease was still held (else another worker took it, or the event
	 * is gone, and what was stored should be deleted)
	 */
	public Mono<Boolean> archived(UUID worker, LeasedAsset leased, StoredAsset stored) {
		return settle(ARCHIVED, worker, leased).bind("contentType", stored.contentType())
			.bind("bytes", stored.bytes())
			.bind("sha256", stored.sha256())
			.bind("storageKey", leased.storageKey())
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/**
	 * Gives an asset back to be fetched again later.
	 * @param worker the worker holding it
	 * @param leased the asset
	 * @param at when to try again
	 * @param failure why this try failed
	 * @param detail what happened
	 * @return done
	 */
	public Mono<Void> retry(UUID worker, LeasedAsset leased, Instant at, FetchFailure failure, String detail) {
		return settle(RETRY, worker, leased).bind("at", at)
			.bind("reason", failure.code())
			.bind("detail", detail)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Gives up on an asset.
	 * @param worker the worker holding it
	 * @param leased the asset
	 * @param failure why
	 * @param detail what happened
	 * @return done
	 */
	public Mono<Void> failed(UUID worker, LeasedAsset leased, FetchFailure failure, String detail) {
		return settle(FAILED, worker, leased).bind("reason", failure.code())
			.bind("detail", detail)
			.fetch()
			.rowsUpdated()
			.then();
	}

	private DatabaseClient.GenericExecuteSpec settle(String sql, UUID worker, LeasedAsset leased) {
		return this.database.sql(sql)
			.bind("tenantId", leased.asset().tenantId().uuid())
			.bind("id", leased.asset().id().uuid())
			.bind("worker", worker);
	}

	/**
	 * An event's assets.
	 * @param tenantId the owner
	 * @param eventId the event
	 * @return its assets, by field
	 */
	public Flux<Asset> findByEvent(TenantId tenantId, EventId eventId) {
		return this.database.sql(FIND_BY_EVENT)
			.bind("tenantId", tenantId.uuid())
			.bind("eventId", eventId.uuid())
			.map(AssetRepository::read)
			.all();
	}

	/**
	 * One of a tenant's assets.
	 * @param tenantId the owner
	 * @param id the asset
	 * @return the asset, or empty
	 */
	public Mono<Asset> findByTenantAndId(TenantId tenantId, AssetId id) {
		return this.database.sql(FIND_BY_TENANT_AND_ID)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(AssetRepository::read)
			.one();
	}

	/**
	 * How much a tenant keeps in the asset store.
	 * @param tenantId the tenant
	 * @return its archived assets and their bytes
	 */
	public Mono<StorageUsed> storageUsed(TenantId tenantId) {
		return this.database.sql(STORED_BYTES)
			.bind("tenantId", tenantId.uuid())
			.map((row) -> new StorageUsed(row.get("assets", Long.class), row.get("bytes", Long.class)))
			.one();
	}

	private static Asset read(Readable row) {
		return new Asset(new TenantId(row.get("tenant_id", UUID.class)), new AssetId(row.get("id", UUID.class)),
				new EventId(row.get("event_id", UUID.class)), row.get("field", String.class),
				AssetStatus.of(row.get("status", String.class)), row.get("reason", String.class),
				row.get("detail", String.class), row.get("content_type", String.class), row.get("bytes", Long.class),
				row.get("sha256", String.class), row.get("storage_key", String.class),
				row.get("attempts", Integer.class), row.get("expires_at", Instant.class),
				row.get("created_at", Instant.class), row.get("archived_at", Instant.class));
	}

	static String owner(TenantId tenantId, AssetId id) {
		return "asset-url/" + tenantId + "/" + id;
	}

	/**
	 * An asset of an event being stored.
	 *
	 * @param tenantId the owner
	 * @param eventId the event
	 * @param link the link found in its payload
	 */
	public record NewAsset(TenantId tenantId, EventId eventId, PayloadLinks.Link link) {

	}

	/**
	 * What a tenant keeps in the asset store.
	 *
	 * @param assets how many archived assets
	 * @param bytes their plaintext bytes
	 */
	public record StorageUsed(long assets, long bytes) {

	}

}
