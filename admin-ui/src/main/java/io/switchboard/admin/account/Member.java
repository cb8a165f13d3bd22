package io.switchboard.admin.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.AppUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in to the portal, with their tenant and role.
 *
 * @param user the stored user
 */
public record Member(AppUser user) implements UserDetails {

	/**
	 * The tenant every page of theirs reads and changes.
	 * @return the tenant
	 */
	public TenantId tenantId() {
		return this.user.tenantId();
	}

	/**
	 * Who they are in the audit log.
	 * @return {@code usr_…}
	 */
	public String actor() {
		return this.user.id().toString();
	}

	/**
	 * Who they are in the audit log, with their tenant.
	 * @return the actor
	 */
	public Actor asActor() {
		return new Actor(tenantId(), actor());
	}

	/**
	 * Whether they may change configuration and see secrets (owners and admins; viewers
	 * only look).
	 * @return true for owners and admins
	 */
	public boolean canEdit() {
		return !"viewer".equals(this.user.role());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.user.role().toUpperCase(Locale.ROOT)));
	}

	@Override
	public String getPassword() {
		return this.user.passwordHash();
	}

	@Override
	public String getUsername() {
		return this.user.email();
	}

	@Override
	public String toString() {
		return "Member[" + this.user + "]";
	}

}
