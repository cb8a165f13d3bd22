package io.switchboard.core.tenant;

import java.time.Instant;

import io.switchboard.core.id.TenantId;

/**
 * An organisation using Switchboard; every other row belongs to one.
 *
 * @param id the id
 * @param name the name people see
 * @param retentionDays how long its history is kept, {@code null} for the default
 * @param createdAt when it signed up
 */
public record Tenant(TenantId id, String name, Integer retentionDays, Instant createdAt) {

}
