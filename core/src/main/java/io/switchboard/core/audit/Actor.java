package io.switchboard.core.audit;

import io.switchboard.core.id.TenantId;

/**
 * Who makes a change, as the audit log names them.
 *
 * @param tenantId the tenant they act for
 * @param id a member ({@code usr_…}), a token ({@code tok_…}) or an external subject
 */
public record Actor(TenantId tenantId, String id) {

}
