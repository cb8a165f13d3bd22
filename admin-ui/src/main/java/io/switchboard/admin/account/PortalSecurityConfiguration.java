package io.switchboard.admin.account;

import java.net.URI;
import java.time.Duration;

import io.switchboard.core.signin.SignInThrottle;
import io.switchboard.core.signin.ThrottledSignIn;
import io.switchboard.core.user.UserRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The portal's security chain: every path but the API's, the inbound endpoint's, the JWKS
 * and actuator (those belong to the api chain and the fallback chain). Form login with a
 * session cookie (HttpOnly, SameSite=Lax, Secure on https), CSRF on every form, sign-in
 * throttled per email and client address by the throttle the API's HTTP Basic shares;
 * viewers may look but not post.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class PortalSecurityConfiguration {

	/** After the api chain ({@code HIGHEST_PRECEDENCE + 10}), before the fallback. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	@Bean
	WebSessionIdResolver webSessionIdResolver() {
		return new SessionCookie();
	}

	/**
	 * Sessions in PostgreSQL rather than in the process's memory.
	 */
	@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
	WebSessionManager webSessionManager(WebSessionIdResolver resolver, DatabaseClient database,
			@Value("${server.reactive.session.timeout:30m}") Duration timeout) {
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionIdResolver(resolver);
		manager.setSessionStore(new SpringSessionWebSessionStore<>(new PortalSessions(database, timeout)));
		return manager;
	}

	@Bean
	@Order(ORDER)
	SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, UserRepository users,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, CurrentMemberContexts contexts) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				(email) -> users.findByEmail(email).map(Member::new));
		passwords.setPasswordEncoder(passwordEncoder);
		DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
		RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
		signedOut.setLogoutSuccessUrl(URI.create("/signin?signedOut"));
		return http
			.securityMatcher(new NegatedServerWebExchangeMatcher(
					ServerWebExchangeMatchers.pathMatchers("/api/**", "/in/**", "/.well-known/**", "/actuator/**")))
			.authenticationManager(new ThrottledSignIn(passwords, throttle, ClientAddress::of))
			.securityContextRepository(contexts)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin((form) -> form.loginPage("/signin")
				.authenticationFailureHandler((exchange, ex) -> redirects.sendRedirect(exchange.getExchange(),
						URI.create((ex instanceof LockedException) ? "/signin?locked" : "/signin?error"))))
			.logout((logout) -> logout.logoutUrl("/signout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(signedOut))
			.headers((headers) -> headers.frameOptions((frames) -> frames.mode(Mode.DENY))
				.contentSecurityPolicy((csp) -> csp
					.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
							+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/signin", "/signup", "/join/**", "/assets/**", "/favicon.ico", "/error")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/signout")
				.authenticated()
				.pathMatchers(HttpMethod.POST, "/**")
				.hasAnyRole("OWNER", "ADMIN")
				.anyExchange()
				.authenticated())
			.build();
	}

}
