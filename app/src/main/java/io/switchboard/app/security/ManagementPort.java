package io.switchboard.app.security;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * The port of the separate management server ({@code management.server.port}), once it
 * listens; and a matcher for requests that came in on it. Without a separate management
 * server nothing matches.
 */
class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, ServerWebExchangeMatcher {

	private final AtomicInteger port = new AtomicInteger(-1);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			this.port.set(event.getWebServer().getPort());
		}
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		int management = this.port.get();
		boolean onManagementPort = management > 0 && exchange.getRequest().getLocalAddress() != null
				&& exchange.getRequest().getLocalAddress().getPort() == management;
		return onManagementPort ? MatchResult.match() : MatchResult.notMatch();
	}

}
