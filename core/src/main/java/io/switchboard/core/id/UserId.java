package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a person who signs in to the portal, shown as {@code usr_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record UserId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "usr";

	public UserId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static UserId generate() {
		return new UserId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code usr_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static UserId parse(String text) {
		return new UserId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
