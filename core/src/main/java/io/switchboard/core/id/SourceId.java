package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a source: a provider account that sends webhooks, shown as {@code src_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record SourceId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "src";

	public SourceId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static SourceId generate() {
		return new SourceId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code src_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static SourceId parse(String text) {
		return new SourceId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
