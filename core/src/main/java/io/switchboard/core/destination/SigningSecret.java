package io.switchboard.core.destination;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A destination's signing secret in the Standard Webhooks form: {@code whsec_} and 32
 * random bytes in base64.
 */
public final class SigningSecret {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SigningSecret() {
	}

	/**
	 * A new secret.
	 * @return {@code whsec_…}
	 */
	public static String generate() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

}
