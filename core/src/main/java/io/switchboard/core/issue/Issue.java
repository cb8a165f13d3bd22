package io.switchboard.core.issue;

import java.time.Instant;

import io.switchboard.core.id.IssueId;
import io.switchboard.core.id.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * Something wrong a tenant should know about, one per resource and kind until resolved.
 *
 * @param tenantId the owner
 * @param id the id
 * @param kind {@code destination-disabled}, {@code destination-failing},
 * {@code source-rejecting} or {@code deliveries-dead}
 * @param resourceType {@code destination} or {@code source}
 * @param resourceId the resource's id ({@code dst_…} or {@code src_…})
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 * @param summary what is wrong and why, for people
 * @param evidence what it is based on (the reason, counts, times)
 * @param openedAt since when
 * @param updatedAt when it last changed
 * @param acknowledgedAt when someone said they are on it, or {@code null}
 * @param acknowledgedBy who, or {@code null}
 * @param resolvedAt when it cleared, or {@code null}
 * @param resolution how it cleared, or {@code null}
 */
public record Issue(TenantId tenantId, IssueId id, String kind, String resourceType, String resourceId, String status,
		String summary, JsonNode evidence, Instant openedAt, Instant updatedAt, Instant acknowledgedAt,
		String acknowledgedBy, Instant resolvedAt, String resolution) {

}
