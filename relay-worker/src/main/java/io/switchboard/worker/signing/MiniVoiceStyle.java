package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signing as MiniVoice does: {@code X-MiniVoice-Signature: v1=<hex>}, the HMAC-SHA256 of
 * {@code timestamp + "." + body} keyed with the secret's UTF-8 bytes, where the timestamp
 * is the {@code X-MiniVoice-Timestamp} header in Unix seconds. The format carries one
 * signature, so only one secret signs.
 */
final class MiniVoiceStyle {

	static final String TIMESTAMP_HEADER = "X-MiniVoice-Timestamp";

	static final String SIGNATURE_HEADER = "X-MiniVoice-Signature";

	private MiniVoiceStyle() {
	}

	/**
	 * The two MiniVoice headers.
	 * @param timestamp Unix seconds
	 * @param body the exact body sent
	 * @param secret the current secret
	 * @return the headers, in a stable order
	 */
	static Map<String, String> sign(long timestamp, byte[] body, String secret) {
		String seconds = Long.toString(timestamp);
		byte[] signedPrefix = (seconds + ".").getBytes(StandardCharsets.UTF_8);
		String signature = HmacSha256.hex(secret.getBytes(StandardCharsets.UTF_8), signedPrefix, body);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(TIMESTAMP_HEADER, seconds);
		headers.put(SIGNATURE_HEADER, "v1=" + signature);
		return Collections.unmodifiableMap(headers);
	}

}
