package io.switchboard.core.destination;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.delivery.DeliveryPauses;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.schema.SqlValue;
import io.switchboard.core.tenant.QuotaExceeded;
import io.switchboard.core.tenant.TenantQuotas;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Stores destinations, their signing secrets sealed. Every query names the tenant.
 */
@Repository
public class DestinationRepository {

	private static final String COLUMNS = """
			tenant_id, id, name, kind, url, signing_secret, signature_style, payload_format, retry_delays_ms,
			timeout_ms, rate_limit_per_second, max_in_flight, headers, enabled, disabled_reason, created_at,
			circuit_state, circuit_changed_at, max_age_seconds, transform, disable_after_seconds, asset_links
			""";

	private static final String INSERT = """
			INSERT INTO destination (tenant_id, id, name, kind, url, signing_secret, signature_style, payload_format,
				retry_delays_ms, timeout_ms, rate_limit_per_second, max_in_flight, max_age_seconds, disable_after_seconds)
			SELECT :tenantId, :id, :name, :kind, :url, :signingSecret, :signatureStyle, :payloadFormat,
				:retryDelaysMs, :timeoutMs, :rateLimit, :maxInFlight, :maxAgeSeconds, :disableAfterSeconds
			WHERE (SELECT count(*) FROM destination WHERE tenant_id = :tenantId AND deleted_at IS NULL) < :quota
			RETURNING
			"""
			+ COLUMNS;

	private static final String FIND_BY_TENANT_AND_ID = "SELECT " + COLUMNS + """
			FROM destination
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final String UPDATE = """
			UPDATE destination
			SET name = coalesce(:name, name), url = coalesce(:url, url),
				signature_style = coalesce(:signatureStyle, signature_style),
				payload_format = coalesce(:payloadFormat, payload_format),
				retry_delays_ms = coalesce(:retryDelaysMs, retry_delays_ms), timeout_ms = coalesce(:timeoutMs, timeout_ms),
				rate_limit_per_second = CASE WHEN :clearRateLimit THEN NULL
					ELSE coalesce(:rateLimit, rate_limit_per_second) END,
				max_in_flight = coalesce(:maxInFlight, max_in_flight), headers = coalesce(:headers, headers),
				max_age_seconds = coalesce(:maxAgeSeconds, max_age_seconds),
				disable_after_seconds = coalesce(:disableAfterSeconds, disable_after_seconds),
				transform = CASE WHEN :clearTransform THEN NULL ELSE coalesce(:transform, transform) END,
				asset_links = coalesce(:assetLinks, asset_links),
				updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			"""
			+ COLUMNS;

	private static final String SET_ENABLED = """
			UPDATE destination
			SET enabled = :enabled, updated_at = now(), enabled_at = CASE WHEN :enabled THEN now() ELSE enabled_at END,
				disabled_reason = CASE WHEN :enabled THEN NULL ELSE :reason END,
				disabled_at = CASE WHEN :enabled THEN NULL ELSE now() END
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final String ROTATE_SECRET = """
			UPDATE destination
			SET previous_signing_secret = signing_secret, previous_signing_secret_expires_at = :previousExpiresAt,
				signing_secret = :secret, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			RETURNING
			""" + COLUMNS;

	private static final String FIND_ALL_BY_TENANT = "SELECT " + COLUMNS + """
			FROM destination
			WHERE tenant_id = :tenantId AND deleted_at IS NULL
			ORDER BY id DESC
			""";

	private static final String DELETE = """
			UPDATE destination SET deleted_at = now(), enabled = false, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final int quota;

	private final SecretCipher cipher;

	private final TransactionalOperator transaction;

	private final DeliveryPauses pauses;

	public DestinationRepository(DatabaseClient database, SecretCipher cipher, TransactionalOperator transaction,
			TenantQuotas quotas, DeliveryPauses pauses) {
		this.quota = quotas.destinations();
		this.database = database;
		this.cipher = cipher;
		this.transaction = transaction;
		this.pauses = pauses;
	}

	/**
	 * Creates a destination with its kind's defaults and a new signing secret.
	 * @param tenantId the owner
	 * @param name its name
	 * @param kind the kind of receiver
	 * @param url the receiver's URL
	 * @return the stored destination, its secret in clear
	 */
	public Mono<Destination> create(TenantId tenantId, String name, DestinationKind kind, String url) {
		return create(tenantId, name, kind, url, DestinationSettings.defaults(kind));
	}

	/**
	 * Creates a destination with a new signing secret.
	 * @param tenantId the owner
	 * @param name its name
	 * @param kind the kind of receiver
	 * @param url the receiver's URL
	 * @param settings how to send to it
	 * @return the stored destination, its secret in clear; {@link QuotaExceeded} when the
	 * tenant has its quota of destinations already
	 */
	public Mono<Destination> create(TenantId tenantId, String name, DestinationKind kind, String url,
			DestinationSettings settings) {
		DestinationId id = DestinationId.generate();
		GenericExecuteSpec insert = this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("name", name)
			.bind("kind", kind.key())
			.bind("url", url)
			.bind("signingSecret", this.cipher.seal(SigningSecret.generate(), owner(tenantId, id)))
			.bind("signatureStyle", settings.signatureStyle())
			.bind("payloadFormat", settings.payloadFormat())
			.bind("retryDelaysMs", settings.retryDelaysMs().toArray(Integer[]::new))
			.bind("timeoutMs", settings.timeoutMs())
			.bind("maxInFlight", settings.maxInFlight())
			.bind("maxAgeSeconds", settings.maxAgeSeconds())
			.bind("disableAfterSeconds", settings.disableAfterSeconds())
			.bind("rateLimit", SqlValue.of(settings.rateLimitPerSecond(), Integer.class))
			.bind("quota", this.quota);
		return insert.map(this::read)
			.one()
			.switchIfEmpty(Mono.error(() -> new QuotaExceeded("destinations", this.quota)));
	}

	/**
	 * Changes a destination. Switching it on resumes its paused deliveries; switching it
	 * off pauses its waiting ones.
	 * @param tenantId the owner
	 * @param id the destination
	 * @param change what to change
	 * @return the changed destination, or empty when the tenant has no such destination
	 */
	public Mono<Destination> update(TenantId tenantId, DestinationId id, DestinationChange change) {
		GenericExecuteSpec update = this.database.sql(UPDATE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("clearRateLimit", change.clearRateLimit())
			.bind("name", SqlValue.of(change.name(), String.class))
			.bind("url", SqlValue.of(change.url(), String.class))
			.bind("signatureStyle", SqlValue.of(change.signatureStyle(), String.class))
			.bind("payloadFormat", SqlValue.of(change.payloadFormat(), String.class))
			.bind("retryDelaysMs",
					SqlValue.of(
							(change.retryDelaysMs() != null) ? change.retryDelaysMs().toArray(Integer[]::new) : null,
							Integer[].class))
			.bind("timeoutMs", SqlValue.of(change.timeoutMs(), Integer.class))
			.bind("rateLimit", SqlValue.of(change.rateLimitPerSecond(), Integer.class))
			.bind("maxInFlight", SqlValue.of(change.maxInFlight(), Integer.class))
			.bind("maxAgeSeconds", SqlValue.of(change.maxAgeSeconds(), Integer.class))
			.bind("disableAfterSeconds", SqlValue.of(change.disableAfterSeconds(), Integer.class))
			.bind("assetLinks", SqlValue.of(change.assetLinks(), String.class))
			.bind("clearTransform", change.transform() != null && change.transform().isBlank())
			.bind("transform",
					SqlValue.of(
							(change.transform() != null && !change.transform().isBlank()) ? change.transform() : null,
							String.class))
			.bind("headers", SqlValue
				.of((change.headers() != null) ? sealHeaders(tenantId, id, change.headers()) : null, byte[].class));
		Mono<Destination> changed = update.map(this::read).one();
		if (change.enabled() != null) {
			boolean on = change.enabled();
			changed = changed.flatMap((destination) -> switchTo(tenantId, id, on, "Switched off by its owner.")
				.then(findByTenantAndId(tenantId, id)));
		}
		return this.transaction.transactional(changed);
	}

	/**
	 * Switches a destination off, for a reason people see, and pauses its waiting
	 * deliveries.
	 * @param tenantId the owner
	 * @param id the destination
	 * @param reason why
	 * @return done
	 */
	public Mono<Void> disable(TenantId tenantId, DestinationId id, String reason) {
		return this.transaction.transactional(switchTo(tenantId, id, false, reason));
	}

	/**
	 * Makes a new signing secret; the old one keeps signing alongside for a while, so
	 * receivers can switch without rejecting deliveries.
	 * @param tenantId the owner
	 * @param id the destination
	 * @param previousSignsFor how long the old secret still signs
	 * @return the destination with its new secret, or empty
	 */
	public Mono<Destination> rotateSigningSecret(TenantId tenantId, DestinationId id, Duration previousSignsFor) {
		return this.database.sql(ROTATE_SECRET)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("secret", this.cipher.seal(SigningSecret.generate(), owner(tenantId, id)))
			.bind("previousExpiresAt", Instant.now().plus(previousSignsFor))
			.map(this::read)
			.one();
	}

	private Mono<Void> switchTo(TenantId tenantId, DestinationId id, boolean enabled, String reason) {
		Mono<Long> flag = this.database.sql(SET_ENABLED)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.bind("enabled", enabled)
			.bind("reason", reason)
			.fetch()
			.rowsUpdated();
		Mono<Long> deliveries = enabled ? this.pauses.resume(tenantId, id) : this.pauses.pause(tenantId, id);
		return flag.then(deliveries).then();
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
		return findByTenantAndId(tenantId, id)
			.flatMap((destination) -> this.transaction
				.transactional(switchTo(tenantId, id, enabled, "Switched off by its owner."))
				.thenReturn(true))
			.defaultIfEmpty(false);
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
				new DestinationSettings(row.get("signature_style", String.class),
						row.get("payload_format", String.class), List.of(row.get("retry_delays_ms", Integer[].class)),
						row.get("timeout_ms", Integer.class), row.get("rate_limit_per_second", Integer.class),
						row.get("max_in_flight", Integer.class), row.get("max_age_seconds", Integer.class),
						row.get("disable_after_seconds", Integer.class)),
				openHeaders(tenantId, id, row.get("headers", byte[].class)), row.get("enabled", Boolean.class),
				row.get("disabled_reason", String.class), row.get("created_at", Instant.class),
				new DestinationCircuit(row.get("circuit_state", String.class),
						row.get("circuit_changed_at", Instant.class)),
				row.get("transform", String.class), row.get("asset_links", String.class));
	}

	private byte[] sealHeaders(TenantId tenantId, DestinationId id, Map<String, String> headers) {
		return this.cipher.seal(JSON.writeValueAsString(headers), headersOwner(tenantId, id));
	}

	private Map<String, String> openHeaders(TenantId tenantId, DestinationId id, byte[] sealed) {
		return (sealed != null) ? JSON.readValue(this.cipher.open(sealed, headersOwner(tenantId, id)), HEADERS)
				: Map.of();
	}

	/**
	 * What a destination's static headers are sealed for.
	 * @param tenantId the owner
	 * @param id the destination
	 * @return the associated data
	 */
	public static String headersOwner(TenantId tenantId, DestinationId id) {
		return "destination-headers/" + tenantId + "/" + id;
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
