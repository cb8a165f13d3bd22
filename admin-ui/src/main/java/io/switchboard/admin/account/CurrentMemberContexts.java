package io.switchboard.admin.account;

import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Keeps who signed in in the session, as their tenant and user ids only, and reads the
 * member afresh on every request: a changed role applies from their next page, and a
 * removed member is signed out at once rather than when their session ends. Signing in
 * gives the session a new id (no session fixation).
 */
@Component
public class CurrentMemberContexts implements ServerSecurityContextRepository {

	/**
	 * The attribute Spring Security's own repository uses, so its sign-out clears ours.
	 */
	static final String ATTRIBUTE = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private final UserRepository users;

	CurrentMemberContexts(UserRepository users) {
		this.users = users;
	}

	/**
	 * Signs in someone who just made their account (sign-up, accepted invitation), as
	 * form sign-in does.
	 * @param member who
	 * @param exchange the request
	 * @return done
	 */
	public Mono<Void> signIn(Member member, ServerWebExchange exchange) {
		return save(exchange, context(member));
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return exchange.getSession().flatMap((session) -> {
			if (context == null || context.getAuthentication() == null
					|| !(context.getAuthentication().getPrincipal() instanceof Member member)) {
				session.getAttributes().remove(ATTRIBUTE);
				return Mono.empty();
			}
			session.getAttributes()
				.put(ATTRIBUTE, new SignedIn(member.tenantId().toString(), member.user().id().toString()));
			return session.changeSessionId();
		});
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return exchange.getSession()
			.mapNotNull((WebSession session) -> (session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn)
					? signedIn : null)
			.flatMap((signedIn) -> this.users.findByTenantAndId(TenantId.parse(signedIn.tenantId()),
					UserId.parse(signedIn.userId())))
			.map((user) -> context(new Member(user)));
	}

	private static SecurityContext context(Member member) {
		return new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
	}

}
