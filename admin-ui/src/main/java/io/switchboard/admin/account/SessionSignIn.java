package io.switchboard.admin.account;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Signs in someone who just made their account (sign-up, accepted invitation): a new
 * session id, then the security context saved in it, as form login does.
 */
final class SessionSignIn {

	private static final WebSessionServerSecurityContextRepository SESSIONS = new WebSessionServerSecurityContextRepository();

	private SessionSignIn() {
	}

	static Mono<Void> signIn(Member member, ServerWebExchange exchange) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(member,
				null, member.getAuthorities());
		return exchange.getSession()
			.flatMap(WebSession::changeSessionId)
			.then(SESSIONS.save(exchange, new SecurityContextImpl(authentication)));
	}

}
