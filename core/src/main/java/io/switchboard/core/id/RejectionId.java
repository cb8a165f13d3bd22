package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of the record of a refused inbound request, shown as {@code rej_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record RejectionId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "rej";

	public RejectionId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static RejectionId generate() {
		return new RejectionId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code rej_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static RejectionId parse(String text) {
		return new RejectionId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
