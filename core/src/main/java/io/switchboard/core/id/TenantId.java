package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a tenant, shown as {@code ten_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record TenantId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "ten";

	public TenantId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static TenantId generate() {
		return new TenantId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code ten_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static TenantId parse(String text) {
		return new TenantId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
