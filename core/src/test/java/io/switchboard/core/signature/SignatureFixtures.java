package io.switchboard.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests and assertions shared by the signature tests.
 */
final class SignatureFixtures {

	private SignatureFixtures() {
	}

	/**
	 * A request whose headers are looked up case-insensitively, as the web layer does.
	 * @param body the raw body
	 * @param namesAndValues header names each followed by its value
	 * @return the request
	 */
	static SignedRequest createRequest(byte[] body, String... namesAndValues) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return new SignedRequest(headers::get, body);
	}

	static SignedRequest createRequest(String body, String... namesAndValues) {
		return createRequest(utf8(body), namesAndValues);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The body with one bit of one byte changed.
	 * @param body the body
	 * @param index which byte
	 * @return a changed copy
	 */
	static byte[] flipByte(String body, int index) {
		byte[] bytes = utf8(body);
		bytes[index] ^= 1;
		return bytes;
	}

	static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertVerified(Verification verification) {
		assertThat(verification).isEqualTo(Verification.verified());
		assertThat(verification.isVerified()).isTrue();
	}

	static Verification.Rejected assertRejected(Verification verification, RejectionReason reason) {
		assertThat(verification).isInstanceOf(Verification.Rejected.class);
		assertThat(verification.isVerified()).isFalse();
		Verification.Rejected rejected = (Verification.Rejected) verification;
		assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(reason);
		assertThat(rejected.detail()).isNotBlank();
		return rejected;
	}

	/**
	 * Asserts a rejection's detail gives away none of the given texts, whole or their
	 * first twelve characters, in any case.
	 * @param verification the rejection
	 * @param secrets the texts it must not hold: secrets, expected signatures
	 */
	static void assertRevealsNothing(Verification verification, String... secrets) {
		assertThat(verification).isInstanceOf(Verification.Rejected.class);
		String detail = ((Verification.Rejected) verification).detail();
		for (String secret : secrets) {
			assertThat(detail).doesNotContainIgnoringCase(secret)
				.doesNotContainIgnoringCase(secret.substring(0, Math.min(12, secret.length())));
		}
	}

}
