package io.switchboard.core.ingest;

import java.util.List;
import java.util.Map;

import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * A verified request, ready to be stored.
 *
 * @param tenantId the owner of the source
 * @param sourceId the source it came to
 * @param facts what its payload says, with its dedup key
 * @param contentType the request's content type, or {@code null}
 * @param headers the provider headers worth keeping, lower-case names
 * @param body the raw body
 * @param assetFields the JSON pointers of the payload fields whose links are archived
 * (none when its source archives nothing)
 */
public record IncomingEvent(TenantId tenantId, SourceId sourceId, EventFacts facts, String contentType,
		Map<String, String> headers, byte[] body, List<String> assetFields) {

	public IncomingEvent {
		assetFields = (assetFields != null) ? assetFields : List.of();
	}

	/**
	 * An event whose assets are not archived.
	 */
	public IncomingEvent(TenantId tenantId, SourceId sourceId, EventFacts facts, String contentType,
			Map<String, String> headers, byte[] body) {
		this(tenantId, sourceId, facts, contentType, headers, body, List.of());
	}

}
