package io.switchboard.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The last security chain: requests no role's chain matched. Health probes and info are
 * open (load balancers and Kubernetes call them), other actuator endpoints are closed,
 * and anything else falls through to a plain 404. Defining it also keeps Spring Boot from
 * locking every path behind a generated password in a process without the api role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class FallbackSecurity {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain fallbackSecurityChain(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.pathMatchers("/actuator/**")
						.denyAll()
						.anyExchange()
						.permitAll())
			.build();
	}

}
