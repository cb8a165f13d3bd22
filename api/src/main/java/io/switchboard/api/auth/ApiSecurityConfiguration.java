package io.switchboard.api.auth;

import java.util.List;
import java.util.stream.Stream;

import io.switchboard.api.connection.ClientAddress;
import io.switchboard.core.signin.SignInThrottle;
import io.switchboard.core.signin.ThrottledSignIn;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.core.token.Scope;
import io.switchboard.core.token.SigningKeys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/**
 * The API's security: stateless, no CSRF (no cookies), bearer tokens everywhere
 * (Switchboard's own or a trusted external issuer's, told apart by {@code iss}), HTTP
 * Basic (email and password, throttled before the hash like the portal's sign-in) only to
 * mint tokens; the inbound endpoint and the JWKS are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class ApiSecurityConfiguration {

	/** The OpenAPI document and Swagger UI (springdoc), open to anyone. */
	private static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			"/webjars/swagger-ui/**" };

	@Bean
	ReactiveJwtDecoder apiTokenDecoder(SigningKeys keys, AuthProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> keys.find(jwt.getHeader().getKeyID()))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		return decoder;
	}

	/**
	 * The chain of the inbound endpoint and of asset links, with no filter at all. An
	 * asset link is authenticated by its own signature and expiry, checked by its
	 * endpoint.
	 * <p>
	 * The inbound endpoint's chain, with no filter at all. A provider is authenticated by
	 * the URL's unguessable token and the payload's signature, both checked by the
	 * endpoint itself; there is no session, cookie, principal or scope for a security
	 * filter to work on. Each filter of a full chain (with its matchers) cost CPU on
	 * every webhook: about a sixth of the request threads' time in the ingest profile.
	 * @return the chain
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain inboundSecurity() {
		// Spring Security refuses a chain without filters:
		// this one only passes the request on.
		WebFilter passOn = (exchange, chain) -> chain.filter(exchange);
		return new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.pathMatchers("/in/**", "/a/**"),
				List.of(passOn));
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AuthProperties properties,
			ReactiveJwtDecoder apiTokenDecoder, TokenAuthentication tokenAuthentication, TenantRepository tenants,
			UserAccounts users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		passwords.setPasswordEncoder(passwordEncoder);
		ThrottledSignIn signIn = new ThrottledSignIn(passwords, throttle, ClientAddress::of);
		ProblemEntryPoint problems = new ProblemEntryPoint();
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers(
					Stream.concat(Stream.of("/api/**", "/.well-known/**"), Stream.of(API_DOCS)).toArray(String[]::new)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(ApiSecurityConfiguration::authorize)
			.httpBasic((basic) -> basic.authenticationManager(signIn).authenticationEntryPoint(problems))
			.oauth2ResourceServer((server) -> server
				.authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(
						new TrustedIssuers(properties, apiTokenDecoder, tokenAuthentication, tenants)))
				.authenticationEntryPoint(problems)
				.authenticationFailureHandler(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	private static void authorize(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
		exchanges.pathMatchers("/.well-known/jwks.json").permitAll();
		exchanges.pathMatchers(HttpMethod.GET, API_DOCS).permitAll();
		for (ScopeRule rule : ScopeRules.all()) {
			String[] patterns = rule.patterns().toArray(String[]::new);
			ServerHttpSecurity.AuthorizeExchangeSpec.Access access = (rule.method() != null)
					? exchanges.pathMatchers(rule.method(), patterns) : exchanges.pathMatchers(patterns);
			if (rule.open()) {
				access.permitAll();
			}
			else if (rule.person()) {
				access.access(new PersonOrScope(rule));
			}
			else {
				access.hasAnyAuthority(rule.scopes().stream().map(Scope::authority).toArray(String[]::new));
			}
		}
		exchanges.pathMatchers("/api/v1/**").denyAll();
		exchanges.anyExchange().authenticated();
	}

}
