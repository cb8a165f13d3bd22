package io.switchboard.core.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.tenant.QuotaExceeded;
import io.switchboard.core.tenant.TenantQuotas;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * Stores sources, their secrets sealed. Every query names the tenant, except the inbound
 * lookup by token, which is how the tenant is found.
 */
@Repository
public class SourceRepository {

	private static final String COLUMNS = """
			tenant_id, id, name, provider, inbound_token, secret, previous_secret, previous_secret_expires_at,
			timestamp_tolerance_seconds, max_body_bytes,
			rate_limit_per_second, hmac_header, hmac_algorithm, hmac_encoding, hmac_prefix, enabled, created_at,
			previous_inbound_token, previous_inbound_token_expires_at, archive_assets, asset_fields
			""";

	private static final String INSERT = """
			INSERT INTO source (tenant_id, id, name, provider, inbound_token, secret, timestamp_tolerance_seconds,
				max_body_bytes, hmac_header, hmac_algorithm, hmac_encoding, hmac_prefix, archive_assets, asset_fields)
			SELECT :tenantId, :id, :name, :provider, :inboundToken, :secret, :toleranceSeconds, :maxBodyBytes,
				:hmacHeader, :hmacAlgorithm, :hmacEncoding, :hmacPrefix, :archiveAssets, :assetFields
			WHERE (SELECT count(*) FROM source WHERE tenant_id = :tenantId AND deleted_at IS NULL) < :quota
			RETURNING
			""" + COLUMNS;

	private static final String FIND_BY_TENANT_AND_ID = "SELECT " + COLUMNS + """
			FROM source
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final String FIND_ALL_BY_TENANT = "SELECT " + COLUMNS + """
			FROM source
			WHERE tenant_id = :tenantId AND deleted_at IS NULL
			ORDER BY id DESC
			""";

	private static final String FIND_BY_INBOUND_TOKEN = "SELECT " + COLUMNS + """
			FROM source
			WHERE (inbound_token = :inboundToken
				OR (previous_inbound_token = :inboundToken AND previous_inbound_token_expires_at > now()))
				AND deleted_at IS NULL
			""";

	private static final String LIVE_INBOUND_TOKENS = """
			SELECT token FROM (
				SELECT inbound_token AS token FROM source WHERE deleted_at IS NULL
				UNION ALL
				SELECT previous_inbound_token FROM source
				WHERE deleted_at IS NULL AND previous_inbound_token_expires_at > now()) tokens
			LIMIT :limit
			""";

	private static final String ROTATE_INBOUND_TOKEN = """
			UPDATE source
			SET previous_inbound_token = CASE WHEN :keepPrevious THEN inbound_token END,
				previous_inbound_token_expires_at = :previousExpiresAt, inbound_token = :inboundToken,
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			""" + COLUMNS;

	private static final String ROTATE_SECRET = """
			UPDATE source
			SET previous_secret = secret, previous_secret_expires_at = :previousExpiresAt, secret = :secret,
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL AND secret IS NOT NULL
			RETURNING
			""" + COLUMNS;

	private static final String UPDATE = """
			UPDATE source
			SET name = coalesce(:name, name), enabled = coalesce(:enabled, enabled),
				timestamp_tolerance_seconds = coalesce(:toleranceSeconds, timestamp_tolerance_seconds),
				max_body_bytes = coalesce(:maxBodyBytes, max_body_bytes),
				rate_limit_per_second = CASE WHEN :clearRateLimit THEN NULL
					ELSE coalesce(:rateLimit, rate_limit_per_second) END,
				archive_assets = coalesce(:archiveAssets, archive_assets),
				asset_fields = coalesce(:assetFields, asset_fields),
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			""" + COLUMNS;

	private static final String SET_SECRET = """
			UPDATE source SET secret = :secret, previous_secret = NULL, previous_secret_expires_at = NULL,
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			""" + COLUMNS;

	private static final String DELETE = """
			UPDATE source SET deleted_at = now(), enabled = false
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			""" + COLUMNS;

	private final DatabaseClient database;

	private final int quota;

	private final SecretCipher cipher;

	public SourceRepository(DatabaseClient database, SecretCipher cipher, TenantQuotas quotas) {
		this.quota = quotas.sources();
		this.database = database;
		this.cipher = cipher;
	}

	/**
	 * Creates a source with a new inbound token.
	 * @param tenantId the owner
	 * @param source what to create
	 * @return the stored source; {@link QuotaExceeded} when the tenant has its quota of
	 * sources already
	 */
	public Mono<Source> create(TenantId tenantId, NewSource source) {
		SourceId id = SourceId.generate();
		GenericExecuteSpec insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", source.name())
			.bind("provider", source.provider().key())
			.bind("inboundToken", InboundToken.generate())
			.bind("toleranceSeconds", (int) source.timestampTolerance().toSeconds())
			.bind("maxBodyBytes", source.maxBodyBytes())
			.bind("secret",
					SqlValue.of(
							(source.secret() != null) ? this.cipher.seal(source.secret(), owner(tenantId, id)) : null,
							byte[].class));
		HmacScheme hmac = source.hmac();
		insert = insert.bind("hmacHeader", SqlValue.of((hmac != null) ? hmac.header() : null, String.class))
			.bind("hmacAlgorithm", SqlValue.of((hmac != null) ? hmac.algorithm() : null, String.class))
			.bind("hmacEncoding", SqlValue.of((hmac != null) ? hmac.encoding() : null, String.class))
			.bind("hmacPrefix", SqlValue.of((hmac != null) ? hmac.prefix() : null, String.class));
		return insert.bind("quota", this.quota)
			.bind("archiveAssets", source.assets().enabled())
			.bind("assetFields", source.assets().fields().toArray(String[]::new))
			.map(this::read)
			.one()
			.switchIfEmpty(Mono.error(() -> new QuotaExceeded("sources", this.quota)));
	}

	/**
	 * Finds one of a tenant's sources.
	 * @param tenantId the owner
	 * @param id the source
	 * @return the source, or empty when the tenant has no such source
	 */
	public Mono<Source> findByTenantAndId(TenantId tenantId, SourceId id) {
		return this.database.sql(FIND_BY_TENANT_AND_ID)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(this::read)
			.one();
	}

	/**
	 * Lists a tenant's sources, newest first.
	 * @param tenantId the owner
	 * @return the sources
	 */
	public Flux<Source> findAllByTenant(TenantId tenantId) {
		return this.database.sql(FIND_ALL_BY_TENANT).bind("tenantId", tenantId.uuid()).map(this::read).all();
	}

	/**
	 * The inbound tokens accepted now, of every tenant: each source's own, and its
	 * previous one while that is still accepted.
	 * @param limit the most to return
	 * @return the tokens
	 */
	public Flux<String> liveInboundTokens(int limit) {
		return this.database.sql(LIVE_INBOUND_TOKENS)
			.bind("limit", limit)
			.map((row) -> row.get("token", String.class))
			.all();
	}

	/**
	 * Finds the source an inbound URL names.
	 * @param inboundToken the token from {@code /in/{token}}
	 * @return the source, or empty
	 */
	public Mono<Source> findByInboundToken(String inboundToken) {
		return this.database.sql(FIND_BY_INBOUND_TOKEN).bind("inboundToken", inboundToken).map(this::read).one();
	}

	/**
	 * Gives a source a new inbound URL; the old one keeps being accepted for an overlap,
	 * so the sender can be switched over without losing events (a URL rotated again
	 * within the overlap forgets the oldest one).
	 * @param tenantId the owner
	 * @param id the source
	 * @param overlap how long the old URL is still accepted: zero (refused at once) to
	 * {@link Source#MAX_URL_OVERLAP}
	 * @return the source with its new token, or empty when the tenant has no such source
	 */
	public Mono<Source> rotateInboundToken(TenantId tenantId, SourceId id, Duration overlap) {
		if (overlap.isNegative() || overlap.compareTo(Source.MAX_URL_OVERLAP) > 0) {
			return Mono.error(new IllegalArgumentException("The overlap must be 0 to 24 hours: " + overlap));
		}
		boolean keep = !overlap.isZero();
		return this.database.sql(ROTATE_INBOUND_TOKEN)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("inboundToken", InboundToken.generate())
			.bind("keepPrevious", keep)
			.bind("previousExpiresAt", SqlValue.of(keep ? Instant.now().plus(overlap) : null, Instant.class))
			.map(this::read)
			.one();
	}

	/**
	 * Replaces a source's secret; the old one keeps verifying for a while, so the sender
	 * can switch without losing events.
	 * @param tenantId the owner
	 * @param id the source
	 * @param newSecret the new secret
	 * @param previousValidFor how long the old secret still verifies
	 * @return the source with its new secret, or empty when the tenant has no such signed
	 * source
	 */
	public Mono<Source> rotateSecret(TenantId tenantId, SourceId id, String newSecret, Duration previousValidFor) {
		return this.database.sql(ROTATE_SECRET)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("secret", this.cipher.seal(newSecret, owner(tenantId, id)))
			.bind("previousExpiresAt", Instant.now().plus(previousValidFor))
			.map(this::read)
			.one();
	}

	/**
	 * Changes a source's settings; {@code null} leaves a setting as it is.
	 * @param tenantId the owner
	 * @param id the source
	 * @param change the new settings
	 * @return the changed source, or empty when the tenant has no such source
	 */
	public Mono<Source> update(TenantId tenantId, SourceId id, SourceChange change) {
		GenericExecuteSpec update = this.database.sql(UPDATE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("clearRateLimit", change.clearRateLimit())
			.bind("name", SqlValue.of(change.name(), String.class))
			.bind("enabled", SqlValue.of(change.enabled(), Boolean.class))
			.bind("toleranceSeconds", SqlValue.of(change.timestampToleranceSeconds(), Integer.class))
			.bind("maxBodyBytes", SqlValue.of(change.maxBodyBytes(), Integer.class))
			.bind("rateLimit", SqlValue.of(change.rateLimitPerSecond(), Integer.class))
			.bind("archiveAssets", SqlValue.of(change.archiveAssets(), Boolean.class))
			.bind("assetFields",
					SqlValue.of((change.assetFields() != null) ? change.assetFields().toArray(String[]::new) : null,
							String[].class));
		return update.map(this::read).one();
	}

	/**
	 * Sets a source's secret outright, with no previous secret kept (for the first
	 * secret, or to stop trusting the old one at once).
	 * @param tenantId the owner
	 * @param id the source
	 * @param secret the secret, or {@code null} to make a MiniVoice source unsigned
	 * @return the changed source, or empty when the tenant has no such source
	 */
	public Mono<Source> setSecret(TenantId tenantId, SourceId id, String secret) {
		return this.database.sql(SET_SECRET)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("secret",
					SqlValue.of((secret != null) ? this.cipher.seal(secret, owner(tenantId, id)) : null, byte[].class))
			.map(this::read)
			.one();
	}

	/**
	 * Deletes a source: its URL stops working at once; its events and deliveries stay
	 * visible until retention removes them.
	 * @param tenantId the owner
	 * @param id the source
	 * @return the deleted source, or empty when the tenant has no such source
	 */
	public Mono<Source> delete(TenantId tenantId, SourceId id) {
		return this.database.sql(DELETE).bind("tenantId", tenantId.uuid()).bind("id", id.uuid()).map(this::read).one();
	}

	private Source read(Readable row) {
		TenantId tenantId = new TenantId(row.get("tenant_id", UUID.class));
		SourceId id = new SourceId(row.get("id", UUID.class));
		byte[] sealed = row.get("secret", byte[].class);
		byte[] previous = row.get("previous_secret", byte[].class);
		String header = row.get("hmac_header", String.class);
		HmacScheme hmac = (header != null) ? new HmacScheme(header, row.get("hmac_algorithm", String.class),
				row.get("hmac_encoding", String.class), row.get("hmac_prefix", String.class)) : null;
		return new Source(tenantId, id, row.get("name", String.class), Provider.of(row.get("provider", String.class)),
				row.get("inbound_token", String.class),
				(sealed != null) ? this.cipher.open(sealed, owner(tenantId, id)) : null,
				(previous != null) ? this.cipher.open(previous, owner(tenantId, id)) : null,
				row.get("previous_secret_expires_at", Instant.class),
				Duration.ofSeconds(row.get("timestamp_tolerance_seconds", Integer.class)),
				row.get("max_body_bytes", Integer.class), row.get("rate_limit_per_second", Integer.class), hmac,
				row.get("enabled", Boolean.class), row.get("created_at", Instant.class),
				row.get("previous_inbound_token", String.class),
				row.get("previous_inbound_token_expires_at", Instant.class), new AssetArchiving(
						row.get("archive_assets", Boolean.class), List.of(row.get("asset_fields", String[].class))));
	}

	static String owner(TenantId tenantId, SourceId id) {
		return "source-secret/" + tenantId + "/" + id;
	}

}
