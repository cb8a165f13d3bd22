package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a notification channel (where a tenant hears of issues), shown as
 * {@code nch_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record NotificationChannelId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "nch";

	public NotificationChannelId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static NotificationChannelId generate() {
		return new NotificationChannelId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code nch_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static NotificationChannelId parse(String text) {
		return new NotificationChannelId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
