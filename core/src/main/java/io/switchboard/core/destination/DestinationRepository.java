package io.switchboard.core.destination;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.SecretCipher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores destinations, their signing secrets sealed. Every query names the tenant.
 */
@Repository
public class DestinationRepository {

	private static final String COLUMNS = "tenant_id, id, name, kind, url, signing_secret, enabled, created_at ";

	private static final String INSERT = """
			INSERT INTO destination (tenant_id, id, name, kind, url, signing_secret)
			VALUES (:tenantId, :id, :name, :kind, :url, :signingSecret)
			RETURNING
			""" + COLUMNS;

	private static final String FIND_BY_TENANT_AND_ID = "SELECT " + COLUMNS + """
			FROM destination
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final String SET_ENABLED = """
			UPDATE destination
			SET enabled = :enabled, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final String FIND_ALL_BY_TENANT = "SELECT " + COLUMNS + """
			FROM destination
			WHERE tenant_id = :tenantId AND deleted_at IS NULL
			ORDER BY id DESC
			""";

	private static final String DELETE = """
			UPDATE destination SET deleted_at = now(), enabled = false, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private final DatabaseClient database;

	private final SecretCipher cipher;

	public DestinationRepository(DatabaseClient database, SecretCipher cipher) {
		this.database = database;
		this.cipher = cipher;
	}

	/**
	 * Creates a destination with a new signing secret.
	 * @param tenantId the owner
	 * @param name its name
	 * @param kind the kind of receiver
	 * @param url the receiver's URL
	 * @return the stored destination, its secret in clear
	 */
	public Mono<Destination> create(TenantId tenantId, String name, DestinationKind kind, String url) {
		DestinationId id = DestinationId.generate();
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", name)
			.bind("kind", kind.key())
			.bind("url", url)
			.bind("signingSecret", this.cipher.seal(SigningSecret.generate(), owner(tenantId, id)))
			.map(this::read)
			.one();
	}

	/**
	 * Finds one of a tenant's destinations.
	 * @param tenantId the owner
	 * @param id the destination
	 * @return the destination, or empty when the tenant has no such destination
	 */
	public Mono<Destination> findByTenantAndId(TenantId tenantId, DestinationId id) {
		return this.database.sql(FIND_BY_TENANT_AND_ID)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(this::read)
			.one();
	}

	/**
	 * Switches a destination on or off.
	 * @param tenantId the owner
	 * @param id the destination
	 * @param enabled on or off
	 * @return whether the tenant has such a destination
	 */
	public Mono<Boolean> setEnabled(TenantId tenantId, DestinationId id, boolean enabled) {
		return this.database.sql(SET_ENABLED)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("enabled", enabled)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Lists a tenant's destinations, newest first.
	 * @param tenantId the owner
	 * @return the destinations
	 */
	public Flux<Destination> findAllByTenant(TenantId tenantId) {
		return this.database.sql(FIND_ALL_BY_TENANT).bind("tenantId", tenantId.uuid()).map(this::read).all();
	}

	/**
	 * Deletes a destination: nothing more is sent to it; its history stays.
	 * @param tenantId the owner
	 * @param id the destination
	 * @return whether the tenant had such a destination
	 */
	public Mono<Boolean> delete(TenantId tenantId, DestinationId id) {
		return this.database.sql(DELETE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private Destination read(Readable row) {
		TenantId tenantId = new TenantId(row.get("tenant_id", UUID.class));
		DestinationId id = new DestinationId(row.get("id", UUID.class));
		return new Destination(tenantId, id, row.get("name", String.class),
				DestinationKind.of(row.get("kind", String.class)), row.get("url", String.class),
				this.cipher.open(row.get("signing_secret", byte[].class), owner(tenantId, id)),
				row.get("enabled", Boolean.class), row.get("created_at", Instant.class));
	}

	/**
	 * What a destination's signing secret is sealed for.
	 * @param tenantId the owner
	 * @param id the destination
	 * @return the associated data
	 */
	public static String owner(TenantId tenantId, DestinationId id) {
		return "destination-signing-secret/" + tenantId + "/" + id;
	}

}
