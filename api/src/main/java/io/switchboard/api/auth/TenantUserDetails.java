package io.switchboard.api.auth;

import java.util.Collection;
import java.util.List;

import io.switchboard.core.token.MemberRole;
import io.switchboard.core.user.AppUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signing in with email and password, and the tenant they belong to.
 *
 * @param user the stored user
 */
record TenantUserDetails(AppUser user) implements UserDetails {

	/**
	 * Their role as it is stored now (HTTP Basic reads the user on every request).
	 * @return the role
	 */
	MemberRole role() {
		return MemberRole.of(this.user.role());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.user.role().toUpperCase(java.util.Locale.ROOT)));
	}

	@Override
	public String getPassword() {
		return this.user.passwordHash();
	}

	@Override
	public String getUsername() {
		return this.user.email();
	}

}
