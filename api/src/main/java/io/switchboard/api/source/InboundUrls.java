package io.switchboard.api.source;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where providers post: {@code switchboard.public-url} + {@code /in/<token>}, or, with no
 * public URL set, the address this request reached Switchboard at.
 */
@Component
class InboundUrls {

	private final String publicUrl;

	InboundUrls(@Value("${switchboard.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	String of(String token, ServerHttpRequest request) {
		String base = !this.publicUrl.isEmpty() ? this.publicUrl
				: UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).toUriString();
		return base + "/in/" + token;
	}

}
