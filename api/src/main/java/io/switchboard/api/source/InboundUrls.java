package io.switchboard.api.source;

import io.switchboard.core.source.InboundAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Where providers post: {@code switchboard.public-url} + {@code /in/<token>}, or, with no
 * public URL set, the address this request reached Switchboard at.
 */
@Component
class InboundUrls {

	private final InboundAddress address;

	InboundUrls(InboundAddress address) {
		this.address = address;
	}

	String of(String token, ServerHttpRequest request) {
		return this.address.of(token, request.getURI());
	}

}
