package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.SecretCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a leased delivery, or a test send, from its row: the event's bytes, the
 * destination's settings, its signing secrets and static headers opened.
 */
final class LeasedDeliveryRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
	};

	private final SecretCipher cipher;

	LeasedDeliveryRows(SecretCipher cipher) {
		this.cipher = cipher;
	}

	/**
	 * Reads a delivery with its event and destination (a test send has no delivery id).
	 */
	LeasedDelivery read(Readable row) {
		TenantId tenantId = new TenantId(row.get("tenant_id", UUID.class));
		DestinationId destinationId = new DestinationId(row.get("destination_id", UUID.class));
		String secretOwner = DestinationRepository.owner(tenantId, destinationId);
		List<String> secrets = new ArrayList<>();
		secrets.add(this.cipher.open(row.get("signing_secret", byte[].class), secretOwner));
		byte[] previous = row.get("previous_signing_secret", byte[].class);
		Instant previousExpires = row.get("previous_signing_secret_expires_at", Instant.class);
		if (previous != null && previousExpires != null && Instant.now().isBefore(previousExpires)) {
			secrets.add(this.cipher.open(previous, secretOwner));
		}
		UUID id = row.get("id", UUID.class);
		LeasedAttempt attempt = new LeasedAttempt(row.get("lease_owner", String.class),
				row.get("attempt_count", Integer.class), row.get("series", Integer.class),
				row.get("series_trigger", String.class), row.get("series_started_at", Instant.class));
		EventPayload payload = new EventPayload(new EventId(row.get("event_id", UUID.class)),
				row.get("provider", String.class), row.get("event_type", String.class),
				row.get("is_test", Boolean.class), row.get("received_at", Instant.class),
				row.get("content_type", String.class), row.get("body", byte[].class));
		DeliveryTarget target = new DeliveryTarget(kind(row), row.get("url", String.class),
				row.get("signature_style", String.class), row.get("payload_format", String.class), List.copyOf(secrets),
				customHeaders(row.get("headers", byte[].class), tenantId, destinationId),
				row.get("timeout_ms", Integer.class), row.get("max_in_flight", Integer.class),
				row.get("rate_limit_per_second", Integer.class),
				RetryPolicy.of(List.of(row.get("retry_delays_ms", Integer[].class)),
						row.get("max_age_seconds", Integer.class)),
				row.get("transform", String.class), assetLinks(row));
		return new LeasedDelivery(tenantId, (id != null) ? new DeliveryId(id) : null, destinationId, attempt, payload,
				target);
	}

	/** The destination's kind, where the query selected it. */
	/** Test sends read no asset links: a sample event has no assets. */
	private static String assetLinks(Readable row) {
		return (row instanceof Row withMetadata && withMetadata.getMetadata().contains("asset_links"))
				? row.get("asset_links", String.class) : null;
	}

	private static String kind(Readable row) {
		return (row instanceof Row withMetadata && withMetadata.getMetadata().contains("kind"))
				? row.get("kind", String.class) : null;
	}

	private Map<String, String> customHeaders(byte[] sealed, TenantId tenantId, DestinationId destinationId) {
		if (sealed == null) {
			return Map.of();
		}
		return JSON.readValue(this.cipher.open(sealed, DestinationRepository.headersOwner(tenantId, destinationId)),
				HEADER_MAP);
	}

}
