package io.switchboard.core.id;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an archived asset (a recording or transcript a payload linked to), shown as
 * {@code ast_…}.
 *
 * @param uuid the UUIDv7 the database stores
 */
public record AssetId(UUID uuid) implements TypedId {

	/** The type prefix, without its underscore. */
	public static final String PREFIX = "ast";

	public AssetId {
		Objects.requireNonNull(uuid, "uuid");
	}

	/**
	 * A new, time-ordered id.
	 * @return the id
	 */
	public static AssetId generate() {
		return new AssetId(UuidV7.generate());
	}

	/**
	 * Reads the text form.
	 * @param text {@code ast_} and 26 base32 characters
	 * @return the id
	 * @throws MalformedIdException if the text is not such an id
	 */
	public static AssetId parse(String text) {
		return new AssetId(IdCodec.parse(PREFIX, text));
	}

	@Override
	@JsonValue
	public String toString() {
		return IdCodec.format(PREFIX, this.uuid);
	}

}
