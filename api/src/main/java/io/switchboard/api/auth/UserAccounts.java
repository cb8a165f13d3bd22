package io.switchboard.api.auth;

import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Finds the person an email belongs to, for HTTP Basic on {@code POST /api/v1/tokens}.
 */
@Component
class UserAccounts implements ReactiveUserDetailsService {

	private final UserRepository users;

	UserAccounts(UserRepository users) {
		this.users = users;
	}

	@Override
	public Mono<UserDetails> findByUsername(String email) {
		return this.users.findByEmail(email).map(TenantUserDetails::new);
	}

}
