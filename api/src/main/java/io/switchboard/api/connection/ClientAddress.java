package io.switchboard.api.auth;

import java.net.InetSocketAddress;
import java.util.Optional;

import reactor.util.context.ContextView;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, read from the context Spring Security's chain gives
 * its subscribers (it holds the exchange), for the sign-in throttle.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static Optional<String> of(ContextView context) {
		return context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
			.map((exchange) -> exchange.getRequest().getRemoteAddress())
			.map(InetSocketAddress::getAddress)
			.map((address) -> address.getHostAddress());
	}

}
