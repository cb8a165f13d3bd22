package io.switchboard.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.destination.SigningSecret;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.schema.SqlValue;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.tenant.QuotaExceeded;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores notification channels, an operational webhook's signing secret sealed. Every
 * query names the tenant.
 */
@Repository
public class NotificationChannelRepository {

	/** The most channels a tenant may have. */
	public static final int QUOTA = 20;

	private static final String COLUMNS = "tenant_id, id, type, name, target, event_types, signing_secret, created_at";

	private static final String INSERT = """
			INSERT INTO notification_channel (tenant_id, id, type, name, target, event_types, signing_secret)
			SELECT :tenantId, :id, :type, :name, :target, :eventTypes, :secret
			WHERE (SELECT count(*) FROM notification_channel WHERE tenant_id = :tenantId) < :quota
			RETURNING
			""" + COLUMNS;

	private static final String FIND = "SELECT " + COLUMNS
			+ " FROM notification_channel WHERE tenant_id = :tenantId AND id = :id";

	private static final String LIST = "SELECT " + COLUMNS
			+ " FROM notification_channel WHERE tenant_id = :tenantId ORDER BY id DESC";

	private static final String UPDATE = """
			UPDATE notification_channel
			SET name = coalesce(:name, name), target = coalesce(:target, target),
				event_types = coalesce(:eventTypes, event_types), updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id
			RETURNING
			""" + COLUMNS;

	private static final String DELETE = "DELETE FROM notification_channel WHERE tenant_id = :tenantId AND id = :id";

	private final DatabaseClient database;

	private final SecretCipher cipher;

	public NotificationChannelRepository(DatabaseClient database, SecretCipher cipher) {
		this.database = database;
		this.cipher = cipher;
	}

	Mono<NotificationChannel> create(TenantId tenantId, ChannelType type, String name, String target,
			List<String> eventTypes) {
		NotificationChannelId id = NotificationChannelId.generate();
		byte[] secret = (type == ChannelType.WEBHOOK) ? this.cipher.seal(SigningSecret.generate(), owner(tenantId, id))
				: null;
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("type", type.key())
			.bind("name", name)
			.bind("target", target)
			.bind("eventTypes", eventTypes.toArray(String[]::new))
			.bind("secret", SqlValue.of(secret, byte[].class))
			.bind("quota", QUOTA)
			.map(this::read)
			.one()
			.switchIfEmpty(Mono.error(() -> new QuotaExceeded("notification channels", QUOTA)));
	}

	Mono<NotificationChannel> update(TenantId tenantId, NotificationChannelId id, String name, String target,
			List<String> eventTypes) {
		return this.database.sql(UPDATE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", SqlValue.of(name, String.class))
			.bind("target", SqlValue.of(target, String.class))
			.bind("eventTypes",
					SqlValue.of((eventTypes != null) ? eventTypes.toArray(String[]::new) : null, String[].class))
			.map(this::read)
			.one();
	}

	Mono<Long> delete(TenantId tenantId, NotificationChannelId id) {
		return this.database.sql(DELETE).bind("tenantId", tenantId.uuid()).bind("id", id.uuid()).fetch().rowsUpdated();
	}

	/**
	 * One of a tenant's channels.
	 * @param tenantId the owner
	 * @param id the channel
	 * @return the channel, or empty
	 */
	public Mono<NotificationChannel> findByTenantAndId(TenantId tenantId, NotificationChannelId id) {
		return this.database.sql(FIND).bind("tenantId", tenantId.uuid()).bind("id", id.uuid()).map(this::read).one();
	}

	/**
	 * A tenant's channels, newest first.
	 * @param tenantId the owner
	 * @return the channels
	 */
	public Flux<NotificationChannel> findAllByTenant(TenantId tenantId) {
		return this.database.sql(LIST).bind("tenantId", tenantId.uuid()).map(this::read).all();
	}

	NotificationChannel read(Readable row) {
		TenantId tenantId = new TenantId(row.get("tenant_id", UUID.class));
		NotificationChannelId id = new NotificationChannelId(row.get("id", UUID.class));
		return new NotificationChannel(tenantId, id, ChannelType.of(row.get("type", String.class)),
				row.get("name", String.class), row.get("target", String.class),
				List.of(row.get("event_types", String[].class)), secret(tenantId, id, row),
				row.get("created_at", Instant.class));
	}

	private String secret(TenantId tenantId, NotificationChannelId id, Readable row) {
		byte[] sealed = row.get("signing_secret", byte[].class);
		return (sealed != null) ? this.cipher.open(sealed, owner(tenantId, id)) : null;
	}

	/**
	 * What a channel's signing secret is sealed for.
	 * @param tenantId the owner
	 * @param id the channel
	 * @return the associated data
	 */
	public static String owner(TenantId tenantId, NotificationChannelId id) {
		return "notification-channel-secret/" + tenantId + "/" + id;
	}

}
