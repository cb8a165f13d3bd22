package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a route from a source to a destination, shown as {@code rte_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record RouteId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "rte";

	public RouteId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static RouteId generate() {
		return new RouteId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code rte_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static RouteId parse(String text) {
		return new RouteId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
