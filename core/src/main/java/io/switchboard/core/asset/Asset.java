package io.switchboard.core.asset;

import java.time.Instant;

import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;

/**
 * A file an event's payload links to, and what became of it; never its source link.
 *
 * @param tenantId the owner
 * @param id the id
 * @param eventId the event whose payload links to it
 * @param field the JSON pointer of the field holding the link
 * @param status where it is
 * @param reason why it failed, or why the last try did ({@link FetchFailure} code)
 * @param detail what went wrong, for people
 * @param contentType its content type, once archived
 * @param bytes its size, once archived
 * @param sha256 the hex SHA-256 of its bytes, once archived
 * @param storageKey where the store keeps it, once archived
 * @param attempts how many fetches were started
 * @param expiresAt when its source link expires
 * @param createdAt when the event brought it
 * @param archivedAt when it was archived
 */
public record Asset(TenantId tenantId, AssetId id, EventId eventId, String field, AssetStatus status, String reason,
		String detail, String contentType, Long bytes, String sha256, String storageKey, int attempts,
		Instant expiresAt, Instant createdAt, Instant archivedAt) {

	/**
	 * The name of the field that holds its link: the pointer's last token, such as
	 * {@code recording_url}.
	 * @return the name
	 */
	public String fieldName() {
		return this.field.substring(this.field.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
	}

	/**
	 * Whether it is kept and can be downloaded.
	 * @return true when archived
	 */
	public boolean archived() {
		return this.status == AssetStatus.ARCHIVED;
	}

	@Override
	public String toString() {
		return "Asset[" + this.id + " of " + this.eventId + ", " + this.field + ", " + this.status.columnValue() + "]";
	}

}
