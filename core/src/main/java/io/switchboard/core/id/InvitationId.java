package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an invitation to join a tenant, shown as {@code inv_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record InvitationId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "inv";

	public InvitationId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static InvitationId generate() {
		return new InvitationId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code inv_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static InvitationId parse(String text) {
		return new InvitationId(IdCodec.parse(PREFIX, text));
	}

	@Override
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
