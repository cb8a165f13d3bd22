package io.switchboard.worker.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.switchboard.core.destination.SignatureStyle;

/**
 * Which headers a destination's own static headers may not replace, and which a delivery
 * log must not show.
 */
final class SensitiveHeaders {

	static final String REDACTED = "[redacted]";

	/**
	 * Parts of a name that mark a credential or a signature. Ids and timestamps are not
	 * secret and help when a receiver refuses a signature, so they stay visible.
	 */
	private static final List<String> SECRET_NAME_PARTS = List.of("signature", "authorization", "cookie", "secret",
			"token", "key", "password");

	private SensitiveHeaders() {
	}

	static boolean isSignatureHeader(String name) {
		return SignatureStyle.isSignatureHeader(name);
	}

	static boolean isSecret(String name) {
		if (name == null) {
			return false;
		}
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return SECRET_NAME_PARTS.stream().anyMatch(lowerCase::contains);
	}

	static Map<String, String> redact(Map<String, String> headers) {
		Map<String, String> redacted = new LinkedHashMap<>();
		headers.forEach((name, value) -> redacted.put(name, isSecret(name) ? REDACTED : value));
		return Collections.unmodifiableMap(redacted);
	}

}
