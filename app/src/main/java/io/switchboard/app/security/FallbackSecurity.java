package io.switchboard.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The last security chain: requests no role's chain matched. Health probes and info are
 * open (load balancers and Kubernetes call them); {@code /actuator/prometheus} is open
 * only on the separate management port ({@code management.server.port}), which is meant
 * to be reachable by the scraper inside the cluster and never published, so metrics need
 * no credentials and never show on the public port; other actuator endpoints are closed,
 * and anything else falls through to a plain 404. Defining it also keeps Spring Boot from
 * locking every path behind a generated password in a process without the api role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class FallbackSecurity {

	@Bean
	static ManagementPort managementPort() {
		return new ManagementPort();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain fallbackSecurityChain(ServerHttpSecurity http, ManagementPort managementPort) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.matchers(new AndServerWebExchangeMatcher(
								ServerWebExchangeMatchers.pathMatchers("/actuator/prometheus"), managementPort))
						.permitAll()
						.pathMatchers("/actuator/**")
						.denyAll()
						.anyExchange()
						.permitAll())
			.build();
	}

}
