package io.switchboard.worker.signing;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the digest every outbound style signs with.
 */
final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private static final HexFormat HEX = HexFormat.of();

	private HmacSha256() {
	}

	/**
	 * The digest of some content.
	 * @param key the key, not empty
	 * @param content the signed content, in parts that are hashed one after the other
	 * @return the 32-byte digest
	 */
	static byte[] digest(byte[] key, byte[]... content) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			for (byte[] part : content) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

	/**
	 * The digest of some content in lowercase hex.
	 * @param key the key, not empty
	 * @param content the signed content, in parts
	 * @return 64 lowercase hex digits
	 */
	static String hex(byte[] key, byte[]... content) {
		return HEX.formatHex(digest(key, content));
	}

}
