package io.switchboard.core.audit;

import java.time.Instant;

import io.switchboard.core.id.AuditEntryId;

/**
 * One change to a tenant's configuration.
 *
 * @param id the id
 * @param actor who: {@code usr_…} or {@code tok_…}
 * @param action what, such as {@code source.updated}
 * @param resourceType the kind of resource
 * @param resourceId the resource's id
 * @param before the resource before, as JSON without secrets, or {@code null}
 * @param after the resource after, as JSON without secrets, or {@code null}
 * @param createdAt when
 */
public record AuditEntry(AuditEntryId id, String actor, String action, String resourceType, String resourceId,
		String before, String after, Instant createdAt) {

}
