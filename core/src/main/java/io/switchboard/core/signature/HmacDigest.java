package io.switchboard.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC algorithm: computes digests, reads them from hex or base64, and compares them
 * in constant time.
 */
final class HmacDigest {

	static final HmacDigest SHA256 = new HmacDigest("HmacSHA256", 32);

	static final HmacDigest SHA512 = new HmacDigest("HmacSHA512", 64);

	private static final HexFormat HEX = HexFormat.of();

	private final String algorithm;

	private final int length;

	/**
	 * One {@link Mac} per thread, made once: looking an algorithm up in the security
	 * providers and instantiating it by reflection cost more than the digest of a webhook
	 * body (seen in the inbound path's profile).
	 */
	private final ThreadLocal<Mac> macs;

	private HmacDigest(String algorithm, int length) {
		this.algorithm = algorithm;
		this.length = length;
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				return Mac.getInstance(algorithm);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(algorithm + " is not available", ex);
			}
		});
	}

	/**
	 * The digest a configuration names.
	 * @param name {@code sha256} or {@code sha512}, in any case
	 * @return the digest
	 * @throws IllegalArgumentException for any other name
	 */
	static HmacDigest named(String name) {
		return switch (Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT)) {
			case "sha256" -> SHA256;
			case "sha512" -> SHA512;
			default -> throw new IllegalArgumentException("Unsupported HMAC algorithm '" + name + "'");
		};
	}

	/**
	 * The UTF-8 bytes of each secret, the key most providers use.
	 * @param secrets the secrets
	 * @return their keys, in order
	 */
	static List<byte[]> utf8Keys(List<String> secrets) {
		return secrets.stream()
			.filter(Objects::nonNull)
			.map((secret) -> secret.getBytes(StandardCharsets.UTF_8))
			.toList();
	}

	/**
	 * The number of bytes in a digest.
	 * @return the length
	 */
	int length() {
		return this.length;
	}

	byte[] compute(byte[] key, byte[]... content) {
		try {
			Mac mac = this.macs.get();
			mac.init(new SecretKeySpec(key, this.algorithm));
			for (byte[] part : content) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(this.algorithm + " is not available", ex);
		}
	}

	/**
	 * Whether any candidate is the digest of the content under any key. Every pair is
	 * compared, each in constant time; an empty key never matches.
	 * @param keys the keys to try
	 * @param candidates the digests the request carries
	 * @param content the signed content, in parts
	 * @return true when one matches
	 */
	boolean matchesAny(List<byte[]> keys, List<byte[]> candidates, byte[]... content) {
		boolean matched = false;
		for (byte[] key : keys) {
			if (key.length == 0) {
				continue;
			}
			byte[] expected = compute(key, content);
			for (byte[] candidate : candidates) {
				matched |= MessageDigest.isEqual(expected, candidate);
			}
		}
		return matched;
	}

	/**
	 * Reads a digest written in hex, in either case.
	 * @param text the hex text
	 * @return the digest, or {@code null} unless the text is exactly one digest in hex
	 */
	byte[] decodeHex(String text) {
		if (text.length() != this.length * 2) {
			return null;
		}
		try {
			return HEX.parseHex(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Reads a digest written in standard or URL-safe base64, padded or not.
	 * @param text the base64 text
	 * @return the digest, or {@code null} unless the text is exactly one digest in base64
	 */
	byte[] decodeBase64(String text) {
		byte[] decoded = base64(text);
		return (decoded != null && decoded.length == this.length) ? decoded : null;
	}

	/**
	 * Decodes standard or URL-safe base64.
	 * @param text the text
	 * @return the bytes, or {@code null} when the text is neither
	 */
	static byte[] base64(String text) {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			try {
				return Base64.getUrlDecoder().decode(text);
			}
			catch (IllegalArgumentException urlSafeEx) {
				return null;
			}
		}
	}

}
