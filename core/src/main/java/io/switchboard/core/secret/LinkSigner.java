package io.switchboard.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs what Switchboard hands out as bearer links (an archived asset's download URL)
 * with HMAC-SHA256 under a key derived from the master key, so a link cannot be made or
 * altered without it, and every installation sharing the master key accepts the links of
 * the others.
 */
public class LinkSigner {

	private final SecretKey key;

	public LinkSigner(SecretsProperties properties) {
		this(MasterKey.fromBase64(properties.masterKey()));
	}

	LinkSigner(SecretKey master) {
		this.key = new SecretKeySpec(mac(master.getEncoded(), "switchboard/links/v1"), "HmacSHA256");
	}

	/**
	 * Signs a message.
	 * @param message what the link states
	 * @return the signature, base64url without padding
	 */
	public String sign(String message) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(this.key.getEncoded(), message));
	}

	/**
	 * Checks a signature in constant time.
	 * @param message what the link states
	 * @param signature the signature it carries
	 * @return whether it was made by {@link #sign}
	 */
	public boolean verify(String message, String signature) {
		return signature != null && MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
