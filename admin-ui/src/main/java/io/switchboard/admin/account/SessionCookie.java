package io.switchboard.admin.account;

import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The portal's session cookie: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure}
 * whenever the request came over https (behind a proxy, with forwarded headers honoured),
 * so it never travels in clear once the site is on TLS.
 */
class SessionCookie extends CookieWebSessionIdResolver {

	SessionCookie() {
		addCookieInitializer((cookie) -> cookie.httpOnly(true).sameSite("Lax").path("/"));
	}

	@Override
	public void setSessionId(ServerWebExchange exchange, String id) {
		boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		ResponseCookie cookie = ResponseCookie.from(getCookieName(), id)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(https)
			.maxAge(getCookieMaxAge())
			.build();
		exchange.getResponse().getCookies().set(getCookieName(), cookie);
	}

}
