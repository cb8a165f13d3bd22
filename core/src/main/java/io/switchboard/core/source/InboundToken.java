package io.switchboard.core.source;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The unguessable part of an inbound URL {@code /in/{token}}: 192 random bits, base64url.
 */
public final class InboundToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 24;

	private InboundToken() {
	}

	/**
	 * A new token.
	 * @return 32 URL-safe characters
	 */
	public static String generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
