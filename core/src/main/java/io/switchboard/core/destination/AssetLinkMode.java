package io.switchboard.core.destination;

import java.util.Arrays;
import java.util.Locale;

import io.switchboard.core.input.InvalidInput;

/**
 * Which asset links a destination receives in the payload: the provider's own (which
 * expire), Switchboard's archived ones in their place, or both side by side
 * ({@code archived_recording_url} beside {@code recording_url}).
 */
public enum AssetLinkMode {

	/** The payload's bytes untouched. */
	ORIGINAL,

	/** Each archived asset's field holds Switchboard's link instead. */
	ARCHIVED,

	/** Switchboard's link added beside each field, as {@code archived_<name>}. */
	BOTH;

	/**
	 * The key the API and the database use.
	 * @return such as {@code archived}
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a key.
	 * @param key {@code original}, {@code archived} or {@code both}
	 * @return the mode
	 * @throws InvalidInput for another key
	 */
	public static AssetLinkMode of(String key) {
		return Arrays.stream(values())
			.filter((mode) -> mode.key().equals(key))
			.findFirst()
			.orElseThrow(() -> InvalidInput.of("assetLinks", "Pick original, archived or both."));
	}

}
