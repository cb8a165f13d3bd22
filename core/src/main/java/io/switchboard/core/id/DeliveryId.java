package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of the delivery of one event to one destination, shown as {@code dlv_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record DeliveryId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "dlv";

	public DeliveryId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static DeliveryId generate() {
		return new DeliveryId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code dlv_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static DeliveryId parse(String text) {
		return new DeliveryId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
