package io.switchboard.core.source;

import java.util.List;

/**
 * Whether a source archives the files its payloads link to, and which payload fields hold
 * those links: JSON pointers such as {@code /call/recording_url}. Minari's recording and
 * transcript links expire after 24 hours, so Minari sources archive them unless told not
 * to; other providers archive nothing unless asked.
 *
 * @param enabled whether assets are fetched when an event is stored
 * @param fields the JSON pointers of the fields that hold asset links
 */
public record AssetArchiving(boolean enabled, List<String> fields) {

	/** Minari's fields: the call's recording (MP3) and transcript (JSON). */
	public static final List<String> MINARI_FIELDS = List.of("/call/recording_url", "/call/transcript_url");

	/** Archives nothing. */
	public static final AssetArchiving OFF = new AssetArchiving(false, List.of());

	public AssetArchiving {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	/**
	 * What a new source of a provider archives unless told otherwise.
	 * @param provider the provider
	 * @return Minari's two fields for Minari, nothing for the others
	 */
	public static AssetArchiving defaultFor(Provider provider) {
		return (provider == Provider.MINARI) ? new AssetArchiving(true, MINARI_FIELDS) : OFF;
	}

	/**
	 * The fields to archive for an event that arrives now.
	 * @return the fields, or none when archiving is off
	 */
	public List<String> activeFields() {
		return this.enabled ? this.fields : List.of();
	}

}
