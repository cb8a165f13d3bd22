package io.switchboard.admin.account;

import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the sign-in in the session, but reads the member afresh on every request: a
 * changed role applies from their next page, and a removed member is signed out at once
 * rather than when their session ends.
 */
class CurrentMemberContexts implements ServerSecurityContextRepository {

	private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	private final UserRepository users;

	CurrentMemberContexts(UserRepository users) {
		this.users = users;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return this.sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return this.sessions.load(exchange).flatMap((context) -> {
			if (context.getAuthentication() == null
					|| !(context.getAuthentication().getPrincipal() instanceof Member member)) {
				return Mono.just(context);
			}
			return this.users.findByTenantAndId(member.tenantId(), member.user().id()).map((user) -> {
				Member current = new Member(user);
				return (SecurityContext) new SecurityContextImpl(
						UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
			});
		});
	}

}
