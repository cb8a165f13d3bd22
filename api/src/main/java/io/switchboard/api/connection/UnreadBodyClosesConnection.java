package io.switchboard.api.connection;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers {@code Connection: close} when a request's body was not read to its end: a
 * request refused before its body was looked at (401, 403, 404, 413, 429, a CSRF
 * refusal). Reusing such a connection is where Reactor Netty 1.3.6 can stop reading a
 * kept-alive connection, so the next request on it would hang; a client that sends a
 * refused body pays one new connection instead.
 */
@Component
class UnreadBodyClosesConnection implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		AtomicBoolean readToEnd = new AtomicBoolean();
		ServerHttpRequest tracked = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().doOnComplete(() -> readToEnd.set(true));
			}

		};
		exchange.getResponse().beforeCommit(() -> {
			if (!readToEnd.get()) {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(tracked).build());
	}

}
