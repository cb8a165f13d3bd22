package io.switchboard.core.secret;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts every secret at rest.
 */
final class MasterKey {

	static final int LENGTH_BYTES = 32;

	private MasterKey() {
	}

	static SecretKey fromBase64(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalStateException("switchboard.secrets.master-key is not set. Give a base64 AES-256 key "
					+ "(make one with: openssl rand -base64 32) in SWITCHBOARD_SECRETS_MASTER_KEY. Keep it: "
					+ "without it no stored secret can be read.");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("switchboard.secrets.master-key is not valid base64", ex);
		}
		if (key.length != LENGTH_BYTES) {
			throw new IllegalStateException("switchboard.secrets.master-key must be " + LENGTH_BYTES
					+ " bytes (256 bits) once base64-decoded, not " + key.length);
		}
		return new SecretKeySpec(key, "AES");
	}

}
