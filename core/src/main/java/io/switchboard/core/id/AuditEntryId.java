package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an audit log entry, shown as {@code aud_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record AuditEntryId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "aud";

	public AuditEntryId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static AuditEntryId generate() {
		return new AuditEntryId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code aud_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static AuditEntryId parse(String text) {
		return new AuditEntryId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
