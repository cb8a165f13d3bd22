package io.switchboard.core.signature;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.switchboard.core.signature.SignatureFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HmacDigestTests {

	private static final HexFormat HEX = HexFormat.of();

	// RFC 4231 test case 2, checked with:
	// printf '%s' 'what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe
	private static final String RFC_4231_SHA256 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

	// printf '%s' 'what do ya want for nothing?' | openssl dgst -sha512 -hmac Jefe
	private static final String RFC_4231_SHA512 = "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
			+ "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737";

	@Test
	void matchesTheRfc4231KnownAnswers() {
		assertThat(HEX.formatHex(HmacDigest.SHA256.compute(utf8("Jefe"), utf8("what do ya want for nothing?"))))
			.isEqualTo(RFC_4231_SHA256);
		assertThat(HEX.formatHex(HmacDigest.SHA512.compute(utf8("Jefe"), utf8("what do ya want for nothing?"))))
			.isEqualTo(RFC_4231_SHA512);
	}

	@Test
	void contentInPartsIsSignedAsOneWhole() {
		assertThat(HEX.formatHex(
				HmacDigest.SHA256.compute(utf8("Jefe"), utf8("what do ya "), utf8(""), utf8("want for nothing?"))))
			.isEqualTo(RFC_4231_SHA256);
	}

	@Test
	void algorithmsAreNamedAsInConfiguration() {
		assertThat(HmacDigest.named("sha256")).isSameAs(HmacDigest.SHA256);
		assertThat(HmacDigest.named("SHA512")).isSameAs(HmacDigest.SHA512);
		assertThatIllegalArgumentException().isThrownBy(() -> HmacDigest.named("sha1"));
	}

	@Test
	void anyKeyAndAnyCandidateMayMatch() {
		byte[] content = utf8("what do ya want for nothing?");
		byte[] expected = HEX.parseHex(RFC_4231_SHA256);
		List<byte[]> keys = List.of(utf8("other"), utf8("Jefe"));
		assertThat(HmacDigest.SHA256.matchesAny(keys, List.of(new byte[32], expected), content)).isTrue();
		assertThat(HmacDigest.SHA256.matchesAny(keys, List.of(new byte[32]), content)).isFalse();
		assertThat(HmacDigest.SHA256.matchesAny(List.of(), List.of(expected), content)).isFalse();
	}

	@Test
	void emptyKeyNeverMatches() {
		byte[] content = utf8("body");
		assertThat(HmacDigest.SHA256.matchesAny(List.of(new byte[0]), List.of(new byte[32]), content)).isFalse();
	}

	@Test
	void hexIsReadInEitherCaseAtExactlyTheDigestLength() {
		assertThat(HmacDigest.SHA256.decodeHex(RFC_4231_SHA256.toUpperCase(java.util.Locale.ROOT)))
			.isEqualTo(HEX.parseHex(RFC_4231_SHA256));
		assertThat(HmacDigest.SHA256.decodeHex(RFC_4231_SHA256)).hasSize(32);
		assertThat(HmacDigest.SHA512.decodeHex(RFC_4231_SHA256)).isNull();
		assertThat(HmacDigest.SHA256.decodeHex(RFC_4231_SHA256 + "0")).isNull();
		assertThat(HmacDigest.SHA256.decodeHex("g" + RFC_4231_SHA256.substring(1))).isNull();
		assertThat(HmacDigest.SHA256.decodeHex(" " + RFC_4231_SHA256.substring(1))).isNull();
	}

	@Test
	void base64IsReadStandardOrUrlSafePaddedOrNot() {
		// printf '%s' 'what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe
		// -binary | openssl base64 -A
		String standard = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
		byte[] expected = HEX.parseHex(RFC_4231_SHA256);
		assertThat(HmacDigest.SHA256.decodeBase64(standard)).isEqualTo(expected);
		assertThat(HmacDigest.SHA256.decodeBase64(standard.replace("=", ""))).isEqualTo(expected);
		// printf '%s' '{"id":"evt_1","type":"order.paid","amount":4200}' | openssl dgst
		// -sha256 -hmac generic_current_Q9z -binary | openssl base64 -A
		String withSymbols = "kjw61wuBM7i4pLvKxEO5/xi+ZGf4wHVo6HHlYgy+xGg=";
		byte[] symbolsExpected = HEX.parseHex("923c3ad70b8133b8b8a4bbcac443b9ff18be6467f8c07568e871e5620cbec468");
		assertThat(HmacDigest.SHA256.decodeBase64(withSymbols)).isEqualTo(symbolsExpected);
		assertThat(HmacDigest.SHA256.decodeBase64("kjw61wuBM7i4pLvKxEO5_xi-ZGf4wHVo6HHlYgy-xGg"))
			.isEqualTo(symbolsExpected);
		assertThat(HmacDigest.SHA256.decodeBase64("kjw61wuBM7i4pLvKxEO5_xi+ZGf4wHVo6HHlYgy+xGg=")).isNull();
		assertThat(HmacDigest.SHA512.decodeBase64(standard)).isNull();
		assertThat(HmacDigest.SHA256.decodeBase64("not base64!")).isNull();
	}

}
