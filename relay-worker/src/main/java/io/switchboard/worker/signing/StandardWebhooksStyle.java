package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Standard Webhooks signing: {@code webhook-signature} holds one {@code v1,<base64>}
 * entry per secret, each the HMAC-SHA256 of {@code id + "." + timestamp + "." + body}
 * keyed with the base64 after the secret's {@code whsec_} prefix.
 */
final class StandardWebhooksStyle {

	static final String ID_HEADER = "webhook-id";

	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	static final String SIGNATURE_HEADER = "webhook-signature";

	private static final String SECRET_PREFIX = "whsec_";

	private static final String VERSION_PREFIX = "v1,";

	private StandardWebhooksStyle() {
	}

	/**
	 * The three Standard Webhooks headers.
	 * @param messageId the event id, the same on every attempt
	 * @param timestamp Unix seconds
	 * @param body the exact body sent
	 * @param secrets the secrets to sign with, current first
	 * @return the headers, in a stable order
	 */
	static Map<String, String> sign(String messageId, long timestamp, byte[] body, List<String> secrets) {
		checkMessageId(messageId);
		String seconds = Long.toString(timestamp);
		byte[] signedPrefix = (messageId + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
		StringJoiner signatures = new StringJoiner(" ");
		for (String secret : secrets) {
			byte[] digest = HmacSha256.digest(key(secret), signedPrefix, body);
			signatures.add(VERSION_PREFIX + Base64.getEncoder().encodeToString(digest));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ID_HEADER, messageId);
		headers.put(TIMESTAMP_HEADER, seconds);
		headers.put(SIGNATURE_HEADER, signatures.toString());
		return Collections.unmodifiableMap(headers);
	}

	/**
	 * The HMAC key a secret stands for: the standard base64 after its {@code whsec_}
	 * prefix (or the whole secret when it has none), as every Standard Webhooks library
	 * reads it.
	 * @param secret the secret
	 * @return the key
	 * @throws IllegalArgumentException if that is not base64 of at least one byte; the
	 * message never holds the secret
	 */
	static byte[] key(String secret) {
		String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			key = new byte[0];
		}
		if (key.length == 0) {
			throw new IllegalArgumentException(
					"A Standard Webhooks secret must be whsec_ followed by the base64 of its key");
		}
		return key;
	}

	private static void checkMessageId(String messageId) {
		if (messageId == null || messageId.isEmpty() || !messageId.chars().allMatch((c) -> c > ' ' && c <= '~')) {
			throw new IllegalArgumentException("A Standard Webhooks message id must be visible ASCII characters");
		}
	}

}
