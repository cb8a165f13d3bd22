package io.switchboard.core.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.schema.SqlValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the records of issued API tokens. Every query names the tenant.
 */
@Repository
public class ApiTokenRepository {

	private static final String COLUMNS = "tenant_id, id, name, scopes, created_at, expires_at, revoked_at ";

	private static final String INSERT = """
			INSERT INTO api_token (tenant_id, id, name, scopes, created_by, expires_at)
			VALUES (:tenantId, :id, :name, :scopes, :createdBy, :expiresAt)
			RETURNING
			""" + COLUMNS;

	private static final String FIND = "SELECT " + COLUMNS + "FROM api_token WHERE tenant_id = :tenantId AND id = :id";

	private static final String FIND_ALL = "SELECT " + COLUMNS
			+ "FROM api_token WHERE tenant_id = :tenantId ORDER BY id DESC";

	private static final String REVOKE = """
			UPDATE api_token SET revoked_at = coalesce(revoked_at, now())
			WHERE tenant_id = :tenantId AND id = :id
			""";

	private final DatabaseClient database;

	public ApiTokenRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Records a token about to be issued.
	 * @param tenantId the tenant it acts for
	 * @param id its id (the JWT's jti)
	 * @param name what it is for
	 * @param scopes what it may do
	 * @param createdBy the user or token that asked for it, or {@code null}
	 * @param expiresAt when it expires, or {@code null}
	 * @return the record
	 */
	public Mono<ApiToken> create(TenantId tenantId, TokenId id, String name, List<String> scopes, UUID createdBy,
			Instant expiresAt) {
		var insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", name)
			.bind("scopes", scopes.toArray(String[]::new))
			.bind("createdBy", SqlValue.of(createdBy, UUID.class))
			.bind("expiresAt", SqlValue.of(expiresAt, Instant.class));
		return insert.map(ApiTokenRepository::read).one();
	}

	/**
	 * Finds one of a tenant's tokens.
	 * @param tenantId the tenant
	 * @param id the token
	 * @return the record, or empty
	 */
	public Mono<ApiToken> findByTenantAndId(TenantId tenantId, TokenId id) {
		return this.database.sql(FIND)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(ApiTokenRepository::read)
			.one();
	}

	/**
	 * Lists a tenant's tokens, newest first.
	 * @param tenantId the tenant
	 * @return the records
	 */
	public Flux<ApiToken> findAllByTenant(TenantId tenantId) {
		return this.database.sql(FIND_ALL).bind("tenantId", tenantId.uuid()).map(ApiTokenRepository::read).all();
	}

	/**
	 * Revokes a token: from now on it is refused.
	 * @param tenantId the tenant
	 * @param id the token
	 * @return whether the tenant has such a token
	 */
	public Mono<Boolean> revoke(TenantId tenantId, TokenId id) {
		return this.database.sql(REVOKE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static ApiToken read(Readable row) {
		return new ApiToken(new TenantId(row.get("tenant_id", UUID.class)), new TokenId(row.get("id", UUID.class)),
				row.get("name", String.class), List.of(row.get("scopes", String[].class)),
				row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
				row.get("revoked_at", Instant.class));
	}

}
