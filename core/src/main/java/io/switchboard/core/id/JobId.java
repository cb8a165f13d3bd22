package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a background job (a bulk replay, a test send), shown as {@code job_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record JobId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "job";

	public JobId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static JobId generate() {
		return new JobId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code job_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static JobId parse(String text) {
		return new JobId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
