package io.switchboard.core.secret;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static final HexFormat HEX = HexFormat.of();

	private final SecretCipher cipher = new SecretCipher(new SecretsProperties(randomKey()));

	@Test
	void matchesTheGcmSpecificationKnownAnswers() {
		// McGrew & Viega, "The Galois/Counter Mode of Operation",
		// test cases 13 and 14 (AES-256)
		SecretCipher zeroKey = new SecretCipher(new SecretKeySpec(new byte[32], "AES"), new SecureRandom());
		byte[] nonce = new byte[12];
		assertThat(HEX.formatHex(zeroKey.crypt(Cipher.ENCRYPT_MODE, nonce, new byte[0], "")))
			.isEqualTo("530f8afbc74536b9a963b4f1c4cb738b");
		assertThat(HEX.formatHex(zeroKey.crypt(Cipher.ENCRYPT_MODE, nonce, new byte[16], "")))
			.isEqualTo("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
	}

	@Test
	void opensWhatItSeals() {
		byte[] sealed = this.cipher.seal("whsec_c2VjcmV0", "source-secret/ten_1/src_1");
		assertThat(this.cipher.open(sealed, "source-secret/ten_1/src_1")).isEqualTo("whsec_c2VjcmV0");
	}

	@Test
	void sealedBytesHoldNoPlaintextAndDifferEveryTime() {
		byte[] first = this.cipher.seal("a-very-recognisable-secret", "owner");
		byte[] second = this.cipher.seal("a-very-recognisable-secret", "owner");
		assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("recognisable");
		assertThat(first).isNotEqualTo(second);
		assertThat(first.length).isEqualTo(1 + 12 + "a-very-recognisable-secret".length() + 16);
	}

	@Test
	void aValueMovedToAnotherOwnerDoesNotOpen() {
		byte[] sealed = this.cipher.seal("secret", "source-secret/ten_a/src_1");
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> this.cipher.open(sealed, "source-secret/ten_b/src_1"))
			.withMessageNotContaining("secret/ten_a");
	}

	@Test
	void alteredBytesDoNotOpen() {
		byte[] sealed = this.cipher.seal("secret", "owner");
		for (int i = 0; i < sealed.length; i++) {
			byte[] altered = Arrays.copyOf(sealed, sealed.length);
			altered[i] ^= 1;
			assertThatExceptionOfType(SecretUnreadableException.class)
				.isThrownBy(() -> this.cipher.open(altered, "owner"));
		}
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> this.cipher.open(Arrays.copyOf(sealed, 20), "owner"));
	}

	@Test
	void anotherMasterKeyCannotOpen() {
		byte[] sealed = this.cipher.seal("secret", "owner");
		SecretCipher other = new SecretCipher(new SecretsProperties(randomKey()));
		assertThatExceptionOfType(SecretUnreadableException.class).isThrownBy(() -> other.open(sealed, "owner"))
			.withMessageContaining("master-key");
	}

	@Test
	void missingOrMalformedMasterKeyIsExplained() {
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(new SecretsProperties(null)))
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(new SecretsProperties("not base64!")))
			.withMessageContaining("base64");
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(new SecretsProperties(shortKey)))
			.withMessageContaining("32 bytes");
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
