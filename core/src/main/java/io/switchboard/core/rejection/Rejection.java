package io.switchboard.core.rejection;

import java.time.Instant;
import java.util.Map;

import io.switchboard.core.id.RejectionId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * A request the inbound endpoint refused.
 *
 * @param tenantId the owner of the source
 * @param id the id
 * @param sourceId the source it was sent to
 * @param reason the stable code of why ({@code signature-invalid},
 * {@code payload-too-large}, …)
 * @param detail a sentence for people
 * @param remoteAddress where it came from
 * @param headers its headers, credentials redacted
 * @param receivedAt when it arrived
 */
public record Rejection(TenantId tenantId, RejectionId id, SourceId sourceId, String reason, String detail,
		String remoteAddress, Map<String, String> headers, Instant receivedAt) {

}
