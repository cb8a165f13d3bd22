package io.switchboard.core.user;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores users. Sign-in finds a user by email alone (emails are unique in the
 * installation); everything else names the tenant.
 */
@Repository
public class UserRepository {

	private static final String COLUMNS = "tenant_id, id, email, password_hash, role";

	private static final String INSERT = """
			INSERT INTO app_user (tenant_id, id, email, password_hash, role)
			VALUES (:tenantId, :id, :email, :passwordHash, :role)
			RETURNING {columns}
			""".replace("{columns}", COLUMNS);

	private static final String FIND_BY_EMAIL = """
			SELECT {columns}
			FROM app_user
			WHERE lower(email) = lower(:email)
			""".replace("{columns}", COLUMNS);

	private static final String FIND_BY_TENANT = """
			SELECT {columns}
			FROM app_user
			WHERE tenant_id = :tenantId
			ORDER BY id
			""".replace("{columns}", COLUMNS);

	private static final String DELETE = """
			DELETE FROM app_user
			WHERE tenant_id = :tenantId AND id = :id
			RETURNING {columns}
			""".replace("{columns}", COLUMNS);

	private static final String FIND = """
			SELECT {columns}
			FROM app_user
			WHERE tenant_id = :tenantId AND id = :id
			""".replace("{columns}", COLUMNS);

	private static final String UPDATE_ROLE = """
			UPDATE app_user SET role = :role
			WHERE tenant_id = :tenantId AND id = :id
			RETURNING {columns}
			""".replace("{columns}", COLUMNS);

	private final DatabaseClient database;

	public UserRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Creates a user.
	 * @param tenantId the tenant
	 * @param email their email
	 * @param passwordHash their password's hash
	 * @param role their role
	 * @return the stored user; {@code DuplicateKeyException} if the email is taken
	 */
	public Mono<AppUser> create(TenantId tenantId, String email, String passwordHash, String role) {
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", UserId.generate().uuid())
			.bind("email", email)
			.bind("passwordHash", passwordHash)
			.bind("role", role)
			.map(UserRepository::read)
			.one();
	}

	/**
	 * Finds the user who signs in with an email, in any case.
	 * @param email the email
	 * @return the user, or empty
	 */
	public Mono<AppUser> findByEmail(String email) {
		return this.database.sql(FIND_BY_EMAIL).bind("email", email).map(UserRepository::read).one();
	}

	/**
	 * The people of a tenant.
	 * @param tenantId the tenant
	 * @return its users, oldest first
	 */
	public Flux<AppUser> findAllByTenant(TenantId tenantId) {
		return this.database.sql(FIND_BY_TENANT).bind("tenantId", tenantId.uuid()).map(UserRepository::read).all();
	}

	/**
	 * Finds one of a tenant's people.
	 * @param tenantId the tenant
	 * @param id the user
	 * @return the user, or empty when the tenant has no such user
	 */
	public Mono<AppUser> findByTenantAndId(TenantId tenantId, UserId id) {
		return this.database.sql(FIND)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(UserRepository::read)
			.one();
	}

	/**
	 * Gives a person another role.
	 * @param tenantId the tenant
	 * @param id the user
	 * @param role the new role
	 * @return the user with the new role, or empty when the tenant has no such user
	 */
	public Mono<AppUser> changeRole(TenantId tenantId, UserId id, String role) {
		return this.database.sql(UPDATE_ROLE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("role", role)
			.map(UserRepository::read)
			.one();
	}

	/**
	 * Removes a person from a tenant.
	 * @param tenantId the tenant
	 * @param id the user
	 * @return the removed user, or empty when the tenant has no such user
	 */
	public Mono<AppUser> delete(TenantId tenantId, UserId id) {
		return this.database.sql(DELETE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(UserRepository::read)
			.one();
	}

	private static AppUser read(Readable row) {
		return new AppUser(new TenantId(row.get("tenant_id", UUID.class)), new UserId(row.get("id", UUID.class)),
				row.get("email", String.class), row.get("password_hash", String.class), row.get("role", String.class));
	}

}
