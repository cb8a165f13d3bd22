package io.switchboard.api.requestlog;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;

import io.switchboard.api.auth.ApiCaller;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * Logs each {@code /api/**} request once it is answered. Two filters: the outer one,
 * before security, times the request and writes the line (so refused requests are logged
 * too); the inner one, after security, notes who the caller is.
 */
@Configuration(proxyBeanMethods = false)
class RequestLog {

	private static final Log logger = LogFactory.getLog("io.switchboard.api.requests");

	private static final String CALLER = RequestLog.class.getName() + ".caller";

	@Bean
	WebFilter requestLogFilter() {
		return new OrderedFilter(Ordered.HIGHEST_PRECEDENCE, (exchange, chain) -> {
			if (!isApi(exchange) || !logger.isInfoEnabled()) {
				return chain.filter(exchange);
			}
			long startNanos = System.nanoTime();
			AtomicReference<String> caller = new AtomicReference<>();
			exchange.getAttributes().put(CALLER, caller);
			return chain.filter(exchange).doFinally((signal) -> log(exchange, caller.get(), startNanos));
		});
	}

	@Bean
	WebFilter requestCallerFilter() {
		// after Spring Security's filter chain (order -100)
		return new OrderedFilter(0, (exchange, chain) -> {
			AtomicReference<String> caller = exchange.getAttribute(CALLER);
			if (caller == null) {
				return chain.filter(exchange);
			}
			return exchange.getPrincipal()
				.doOnNext((principal) -> caller.set(tenant(principal)))
				.onErrorResume((error) -> Mono.empty())
				.then(chain.filter(exchange));
		});
	}

	private static boolean isApi(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value().startsWith("/api/");
	}

	private static String tenant(Principal principal) {
		try {
			return (principal instanceof Authentication authentication)
					? ApiCaller.of(authentication).tenantId().toString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void log(ServerWebExchange exchange, String tenant, long startNanos) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		logger.info("request method=" + exchange.getRequest().getMethod().name() + " path="
				+ exchange.getRequest().getPath().value() + " status=" + ((status != null) ? status.value() : 200)
				+ " duration_ms=" + ((System.nanoTime() - startNanos) / 1_000_000)
				+ ((tenant != null) ? " tenant=" + tenant : ""));
	}

	/** A web filter with its place in the chain. */
	private record OrderedFilter(int order, WebFilter filter) implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
			return this.filter.filter(exchange, chain);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
