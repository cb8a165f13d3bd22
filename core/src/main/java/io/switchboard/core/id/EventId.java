package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an event received from a source, shown as {@code evt_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record EventId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "evt";

	public EventId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static EventId generate() {
		return new EventId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code evt_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static EventId parse(String text) {
		return new EventId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
