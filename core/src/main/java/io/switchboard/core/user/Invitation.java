package io.switchboard.core.user;

import java.time.Instant;

import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;

/**
 * An invitation to join a tenant with a role, accepted once through a link that carries a
 * secret (only its hash is stored).
 *
 * @param tenantId the tenant
 * @param id the id
 * @param email who is invited
 * @param role the role they get
 * @param invitedBy who invited them
 * @param createdAt when
 * @param expiresAt until when the link works
 * @param acceptedAt when it was used, or {@code null}
 */
public record Invitation(TenantId tenantId, InvitationId id, String email, String role, UserId invitedBy,
		Instant createdAt, Instant expiresAt, Instant acceptedAt) {

}
