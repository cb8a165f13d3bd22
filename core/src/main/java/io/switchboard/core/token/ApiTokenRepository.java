package io.switchboard.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.id.UserId;
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

	private static final String COLUMNS = "tenant_id, id, name, scopes, created_at, expires_at, revoked_at, created_by, parent_id ";

	private static final String INSERT = """
			INSERT INTO api_token (tenant_id, id, name, scopes, created_by, parent_id, expires_at)
			VALUES (:tenantId, :id, :name, :scopes, :createdBy, :parentId, :expiresAt)
			RETURNING
			""" + COLUMNS;

	/**
	 * A token with its member's current role, and whether it and every token above it
	 * (the one that minted it, and so on, at most 32 up) is neither revoked nor expired.
	 */
	private static final String FIND_STANDING = """
			WITH RECURSIVE chain (id, parent_id, usable, depth) AS (
				SELECT id, parent_id, revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()), 0
				FROM api_token WHERE tenant_id = :tenantId AND id = :id
				UNION ALL
				SELECT parent.id, parent.parent_id,
					parent.revoked_at IS NULL AND (parent.expires_at IS NULL OR parent.expires_at > now()), chain.depth + 1
				FROM api_token parent JOIN chain ON parent.id = chain.parent_id
				WHERE parent.tenant_id = :tenantId AND chain.depth < 32
			)
			SELECT t.tenant_id, t.id, t.name, t.scopes, t.created_at, t.expires_at, t.revoked_at, t.created_by,
				t.parent_id, member.role AS member_role, (SELECT bool_and(usable) FROM chain) AS usable
			FROM api_token t
			LEFT JOIN app_user member ON member.tenant_id = t.tenant_id AND member.id = t.created_by
			WHERE t.tenant_id = :tenantId AND t.id = :id
			""";

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
	 * @param createdBy the member it acts for
	 * @param parentId the token that minted it, or {@code null}
	 * @param expiresAt when it expires, or {@code null}
	 * @return the record
	 */
	public Mono<ApiToken> create(TenantId tenantId, TokenId id, String name, List<String> scopes, UserId createdBy,
			TokenId parentId, Instant expiresAt) {
		var insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", name)
			.bind("scopes", scopes.toArray(String[]::new))
			.bind("createdBy", createdBy.uuid())
			.bind("parentId", SqlValue.of((parentId != null) ? parentId.uuid() : null, UUID.class))
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
	 * Finds one of a tenant's tokens as it stands now.
	 * @param tenantId the tenant
	 * @param id the token
	 * @return the token, its member's role (empty when the member is gone) and whether it
	 * and the tokens above it are all usable; empty when the tenant has no such token
	 */
	public Mono<Standing> findStanding(TenantId tenantId, TokenId id) {
		return this.database.sql(FIND_STANDING)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map((row) -> new Standing(read(row), Optional.ofNullable(row.get("member_role", String.class)),
					Boolean.TRUE.equals(row.get("usable", Boolean.class))))
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
				row.get("revoked_at", Instant.class), userId(row.get("created_by", UUID.class)),
				tokenId(row.get("parent_id", UUID.class)));
	}

	private static UserId userId(UUID uuid) {
		return (uuid != null) ? new UserId(uuid) : null;
	}

	private static TokenId tokenId(UUID uuid) {
		return (uuid != null) ? new TokenId(uuid) : null;
	}

	/**
	 * A token as it stands now.
	 *
	 * @param token its record
	 * @param memberRole its member's current role, empty when they are no longer a member
	 * @param usable whether it and every token above it is neither revoked nor expired
	 */
	public record Standing(ApiToken token, Optional<String> memberRole, boolean usable) {

	}

}
