package io.switchboard.core.user;

import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;

/**
 * A person who signs in to a tenant.
 *
 * @param tenantId the tenant
 * @param id the id
 * @param email the email they sign in with
 * @param passwordHash the password's hash (BCrypt), never the password
 * @param role {@code owner}, {@code admin} or {@code viewer}
 */
public record AppUser(TenantId tenantId, UserId id, String email, String passwordHash, String role) {

	@Override
	public String toString() {
		return "AppUser[" + this.id + " of " + this.tenantId + ", " + this.role + "]";
	}

}
