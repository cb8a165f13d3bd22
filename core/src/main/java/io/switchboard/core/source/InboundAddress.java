package io.switchboard.core.source;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where providers post to a source: {@code switchboard.public-url} + {@code /in/<token>},
 * or, with no public URL set, the address the asking request reached Switchboard at. The
 * API and the portal show the same URL.
 */
@Component
public class InboundAddress {

	private final String publicUrl;

	public InboundAddress(@Value("${switchboard.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/**
	 * The inbound URL of a source.
	 * @param token the source's inbound token
	 * @param requestUri the URI of the request that asks, used without a public URL
	 * @return the URL to give the provider
	 */
	public String of(String token, URI requestUri) {
		String base = !this.publicUrl.isEmpty() ? this.publicUrl
				: requestUri.getScheme() + "://" + requestUri.getRawAuthority();
		return base + "/in/" + token;
	}

}
