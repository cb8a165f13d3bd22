package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a destination: where events are relayed to, shown as {@code dst_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record DestinationId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "dst";

	public DestinationId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static DestinationId generate() {
		return new DestinationId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code dst_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static DestinationId parse(String text) {
		return new DestinationId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
