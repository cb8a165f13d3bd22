package io.switchboard.api.auth;

import io.switchboard.core.tenant.TenantRepository;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The API's security: stateless, no CSRF (no cookies), bearer tokens everywhere
 * (Switchboard's own or a trusted external issuer's, told apart by {@code iss}), HTTP
 * Basic (email and password) only to mint tokens; the inbound endpoint and the JWKS are
 * open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class ApiSecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	ReactiveJwtDecoder apiTokenDecoder(SigningKeys keys, AuthProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> keys.find(jwt.getHeader().getKeyID()))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		return decoder;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AuthProperties properties,
			ReactiveJwtDecoder apiTokenDecoder, TokenAuthentication tokenAuthentication, TenantRepository tenants,
			UserAccounts users, PasswordEncoder passwordEncoder) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		passwords.setPasswordEncoder(passwordEncoder);
		ProblemEntryPoint problems = new ProblemEntryPoint();
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/in/**", "/.well-known/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/in/**", "/.well-known/jwks.json")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/v1/signup")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/audit-log")
				.access(new PersonOrScope(Scope.TOKENS_WRITE))
				.pathMatchers("/api/v1/tokens", "/api/v1/tokens/**")
				.access(new PersonOrScope(Scope.TOKENS_WRITE))
				.pathMatchers("/api/v1/sources", "/api/v1/sources/**")
				.hasAuthority(Scope.SOURCES_WRITE.authority())
				.pathMatchers("/api/v1/destinations", "/api/v1/destinations/**")
				.hasAuthority(Scope.DESTINATIONS_WRITE.authority())
				.pathMatchers(HttpMethod.POST, "/api/v1/deliveries/*/replay")
				.hasAuthority(Scope.DELIVERIES_REPLAY.authority())
				.pathMatchers(HttpMethod.GET, "/api/v1/deliveries", "/api/v1/deliveries/**")
				.hasAuthority(Scope.DELIVERIES_READ.authority())
				.pathMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/**", "/api/v1/rejections")
				.hasAuthority(Scope.EVENTS_READ.authority())
				.pathMatchers("/api/v1/routes", "/api/v1/routes/**")
				.hasAuthority(Scope.ROUTES_WRITE.authority())
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationManager(passwords).authenticationEntryPoint(problems))
			.oauth2ResourceServer((server) -> server
				.authenticationManagerResolver(new JwtIssuerReactiveAuthenticationManagerResolver(
						new TrustedIssuers(properties, apiTokenDecoder, tokenAuthentication, tenants)))
				.authenticationEntryPoint(problems)
				.authenticationFailureHandler(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

}
