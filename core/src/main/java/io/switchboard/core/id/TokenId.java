package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an API token (its JWT id), shown as {@code tok_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record TokenId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "tok";

	public TokenId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static TokenId generate() {
		return new TokenId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code tok_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static TokenId parse(String text) {
		return new TokenId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
