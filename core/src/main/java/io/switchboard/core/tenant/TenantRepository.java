package io.switchboard.core.tenant;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores tenants.
 */
@Repository
public class TenantRepository {

	private static final String INSERT = """
			INSERT INTO tenant (tenant_id, name)
			VALUES (:tenantId, :name)
			RETURNING tenant_id, name, retention_days, created_at
			""";

	private static final String FIND_BY_ID = """
			SELECT tenant_id, name, retention_days, created_at
			FROM tenant
			WHERE tenant_id = :tenantId
			""";

	private static final String ANY = "SELECT EXISTS (SELECT 1 FROM tenant) AS any";

	private final DatabaseClient database;

	public TenantRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Creates a tenant.
	 * @param name its name
	 * @return the stored tenant
	 */
	public Mono<Tenant> create(String name) {
		return this.database.sql(INSERT)
			.bind("tenantId", TenantId.generate().uuid())
			.bind("name", name)
			.map(TenantRepository::read)
			.one();
	}

	/**
	 * Finds a tenant.
	 * @param id its id
	 * @return the tenant, or empty
	 */
	public Mono<Tenant> findById(TenantId id) {
		return this.database.sql(FIND_BY_ID).bind("tenantId", id.uuid()).map(TenantRepository::read).one();
	}

	/**
	 * Whether anyone has signed up yet.
	 * @return true once there is a tenant
	 */
	public Mono<Boolean> anyExists() {
		return this.database.sql(ANY).map((row) -> row.get("any", Boolean.class)).one();
	}

	private static Tenant read(Readable row) {
		return new Tenant(new TenantId(row.get("tenant_id", UUID.class)), row.get("name", String.class),
				row.get("retention_days", Integer.class), row.get("created_at", Instant.class));
	}

}
