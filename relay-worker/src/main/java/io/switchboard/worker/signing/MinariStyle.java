package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signing as Minari does: {@code X-Webhook-Signature: <hex>}, the HMAC-SHA256 of the body
 * keyed with the secret's UTF-8 bytes. No timestamp is signed, and only one secret signs.
 */
final class MinariStyle {

	static final String SIGNATURE_HEADER = "X-Webhook-Signature";

	private MinariStyle() {
	}

	/**
	 * The Minari header.
	 * @param body the exact body sent
	 * @param secret the current secret
	 * @return the header
	 */
	static Map<String, String> sign(byte[] body, String secret) {
		return Map.of(SIGNATURE_HEADER, HmacSha256.hex(secret.getBytes(StandardCharsets.UTF_8), body));
	}

}
