package io.switchboard.core.destination;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The static headers a destination adds to every request (often the receiver's
 * credentials, so they are stored sealed and shown masked). They never replace the
 * headers Switchboard signs with or frames the request with.
 */
public final class CustomHeaders {

	/** Headers of the connection itself, besides every signature style's. */
	private static final Set<String> CONNECTION = Set.of("host", "content-length", "transfer-encoding", "connection");

	private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

	private static final int MAX_HEADERS = 20;

	private CustomHeaders() {
	}

	/**
	 * Whether a header is Switchboard's to set.
	 * @param name the header name, any case
	 * @return true if a destination may not set it
	 */
	public static boolean isReserved(String name) {
		return CONNECTION.contains(name.toLowerCase(Locale.ROOT)) || SignatureStyle.isSignatureHeader(name);
	}

	/**
	 * What is wrong with a set of headers, if anything.
	 * @param headers the headers
	 * @return a sentence, or empty when they are fine
	 */
	public static Optional<String> problem(Map<String, String> headers) {
		if (headers.size() > MAX_HEADERS) {
			return Optional.of("at most " + MAX_HEADERS + " headers");
		}
		for (Map.Entry<String, String> header : headers.entrySet()) {
			String name = header.getKey();
			if (name == null || !name.matches(TOKEN)) {
				return Optional.of("'" + name + "' is not a header name");
			}
			if (isReserved(name)) {
				return Optional.of("'" + name + "' is set by Switchboard and cannot be replaced");
			}
			String value = header.getValue();
			if (value == null || value.length() > 4096 || value.chars().anyMatch((c) -> c == '\r' || c == '\n')) {
				return Optional.of("the value of '" + name + "' must be one line of at most 4096 characters");
			}
		}
		return Optional.empty();
	}

}
