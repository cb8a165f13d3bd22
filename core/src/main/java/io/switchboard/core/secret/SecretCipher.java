package io.switchboard.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Encrypts secrets for storage with AES-256-GCM. A sealed value is one version byte, a
 * 96-bit random nonce, then the ciphertext with its 128-bit tag. The caller names what
 * the secret belongs to (for example {@code source-secret/<tenant>/<source>}) as
 * associated data, so a sealed value copied to another row or tenant fails to open.
 * Opened secrets are kept a few minutes by their sealed bytes and owner: the worker opens
 * its destination's signing secret for every attempt, and a cipher per call was a visible
 * share of its CPU. A rotated secret is new sealed bytes, so it is never served stale.
 */
public class SecretCipher {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random;

	private final Cache<Sealed, String> opened = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofMinutes(5))
		.build();

	public SecretCipher(SecretsProperties properties) {
		this(MasterKey.fromBase64(properties.masterKey()), new SecureRandom());
	}

	SecretCipher(SecretKey key, SecureRandom random) {
		this.key = key;
		this.random = random;
	}

	/**
	 * Seals a secret.
	 * @param secret the secret text
	 * @param owner what the secret belongs to, bound as associated data
	 * @return the sealed bytes to store
	 */
	public byte[] seal(String secret, String owner) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), owner);
		return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
	}

	/**
	 * Opens a sealed secret.
	 * @param sealed the stored bytes
	 * @param owner the owner it was sealed for
	 * @return the secret text
	 * @throws SecretUnreadableException if the bytes were not sealed under this key for
	 * this owner, or were altered
	 */
	public String open(byte[] sealed, String owner) {
		return this.opened.get(new Sealed(sealed.clone(), owner), (key) -> decrypt(key.bytes(), owner));
	}

	private String decrypt(byte[] sealed, String owner) {
		if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new SecretUnreadableException(owner, null);
		}
		ByteBuffer buffer = ByteBuffer.wrap(sealed, 1, sealed.length - 1);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		return new String(crypt(Cipher.DECRYPT_MODE, nonce, ciphertext, owner), StandardCharsets.UTF_8);
	}

	byte[] crypt(int mode, byte[] nonce, byte[] input, String owner) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new SecretUnreadableException(owner, ex);
		}
	}

	/** A sealed value and its owner, compared by content. */
	private record Sealed(byte[] bytes, String owner) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Sealed that && Arrays.equals(this.bytes, that.bytes)
					&& this.owner.equals(that.owner);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(this.bytes) + this.owner.hashCode();
		}

	}

}
