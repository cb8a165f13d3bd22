package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a notice (one message to one channel), shown as {@code ntc_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record NoticeId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "ntc";

	public NoticeId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static NoticeId generate() {
		return new NoticeId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code ntc_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static NoticeId parse(String text) {
		return new NoticeId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
