package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an issue (something wrong a tenant should know about), shown as
 * {@code iss_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record IssueId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "iss";

	public IssueId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static IssueId generate() {
		return new IssueId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code iss_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static IssueId parse(String text) {
		return new IssueId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
