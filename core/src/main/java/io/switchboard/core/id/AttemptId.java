package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of one attempt of a delivery, shown as {@code att_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record AttemptId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "att";

	public AttemptId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static AttemptId generate() {
		return new AttemptId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code att_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static AttemptId parse(String text) {
		return new AttemptId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
