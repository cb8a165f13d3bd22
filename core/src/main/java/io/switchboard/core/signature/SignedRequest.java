package io.switchboard.core.signature;

import java.util.Objects;
import java.util.function.Function;

/**
 * A request as received, before anything has parsed or re-encoded its body.
 *
 * @param headers looks a header up by name, case-insensitively, giving its first value or
 * {@code null} when it is absent
 * @param body the raw body bytes exactly as received (not copied)
 */
public record SignedRequest(Function<String, String> headers, byte[] body) {

	public SignedRequest {
		Objects.requireNonNull(headers, "headers");
		Objects.requireNonNull(body, "body");
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header is absent
	 */
	public String header(String name) {
		return this.headers.apply(name);
	}

}
