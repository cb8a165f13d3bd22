package io.switchboard.api.connection;

import java.net.InetSocketAddress;
import java.util.Optional;

import reactor.util.context.ContextView;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from (the proxy's forwarded client address when
 * {@code server.forward-headers-strategy} is set): what the per-address limits count, and
 * what a rejection records.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/**
	 * The address of a request.
	 * @param request the request
	 * @return its host address, or empty when the connection has none
	 */
	public static Optional<String> of(ServerHttpRequest request) {
		return Optional.ofNullable(request.getRemoteAddress())
			.map(InetSocketAddress::getAddress)
			.map((address) -> address.getHostAddress());
	}

	/**
	 * The address of the request whose exchange is in a subscriber's context, as Spring
	 * Security's chain gives it (for the sign-in throttle).
	 * @param context the context
	 * @return its host address, or empty
	 */
	public static Optional<String> of(ContextView context) {
		return context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
			.flatMap((exchange) -> of(exchange.getRequest()));
	}

}
