package io.switchboard.core.signature;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.switchboard.core.source.HmacScheme;

import static io.switchboard.core.signature.SignatureFixtures.assertRejected;
import static io.switchboard.core.signature.SignatureFixtures.assertRevealsNothing;
import static io.switchboard.core.signature.SignatureFixtures.assertVerified;
import static io.switchboard.core.signature.SignatureFixtures.createRequest;
import static io.switchboard.core.signature.SignatureFixtures.flipByte;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GenericHmacSignatureTests {

	// printf '%s' '{"id":"evt_1","type":"order.paid","amount":4200}' > generic.json
	private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"order.paid\",\"amount\":4200}";

	private static final String HEADER = "X-Signature";

	private static final String CURRENT = "generic_current_Q9z";

	private static final String PREVIOUS = "generic_previous_R3k";

	// openssl dgst -sha256 -hmac generic_current_Q9z < generic.json
	private static final String SHA256_HEX = "923c3ad70b8133b8b8a4bbcac443b9ff18be6467f8c07568e871e5620cbec468";

	// openssl dgst -sha256 -hmac generic_previous_R3k < generic.json
	private static final String SHA256_HEX_PREVIOUS = "c4b72a746d68e7012ca13278e04e7880ee94b2a62a6540849973d04df06c98a3";

	// openssl dgst -sha256 -hmac generic_current_Q9z -binary < generic.json \
	// | openssl base64 -A
	private static final String SHA256_BASE64 = "kjw61wuBM7i4pLvKxEO5/xi+ZGf4wHVo6HHlYgy+xGg=";

	// openssl dgst -sha512 -hmac generic_current_Q9z < generic.json
	private static final String SHA512_HEX = "32ac620b7e68551ab21c5c1fa4a95a651b48de7fb5fd51ccf30f84931e5be061"
			+ "481de24f7a168654fff0ace1eb6e10027a1dd325ad8c0bc79653a1c585b7ebc5";

	// openssl dgst -sha512 -hmac generic_current_Q9z -binary < generic.json \
	// | openssl base64 -A
	private static final String SHA512_BASE64 = "MqxiC35oVRqyHFwfpKlaZRtI3n+1/VHM8w+Ekx5b4GFIHeJPehaGVP/wrOHrbhACeh3TJa2MC8eWU6HFhbfrxQ==";

	// openssl dgst -sha512 -hmac generic_current_Q9z -binary < generic.json \
	// | openssl base64 -A | tr '+/' '-_' | tr -d '='
	private static final String SHA512_BASE64_URL_SAFE = "MqxiC35oVRqyHFwfpKlaZRtI3n-1_VHM8w-Ekx5b4GFIHeJPehaGVP_wrOHrbhACeh3TJa2MC8eWU6HFhbfrxQ";

	private static final Instant NOW = Instant.parse("2026-05-29T12:10:00Z");

	private final GenericHmacSignature sha256HexWithPrefix = scheme("sha256", "hex", "sha256=");

	@Test
	void prefixedSha256HexIsAccepted() {
		assertVerified(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX, List.of(CURRENT)));
	}

	@Test
	void upperCaseHexIsAccepted() {
		assertVerified(
				verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX.toUpperCase(Locale.ROOT), List.of(CURRENT)));
	}

	@Test
	void sha256Base64IsAccepted() {
		assertVerified(verify(scheme("sha256", "base64", null), SHA256_BASE64, List.of(CURRENT)));
	}

	@Test
	void sha512HexIsAccepted() {
		assertVerified(verify(scheme("sha512", "hex", null), SHA512_HEX, List.of(CURRENT)));
	}

	@Test
	void sha512Base64IsAccepted() {
		assertVerified(verify(scheme("sha512", "base64", null), SHA512_BASE64, List.of(CURRENT)));
	}

	@Test
	void urlSafeBase64WithoutPaddingIsAccepted() {
		assertVerified(verify(scheme("sha512", "base64", null), SHA512_BASE64_URL_SAFE, List.of(CURRENT)));
	}

	@Test
	void sha256DigestIsNotAcceptedWhereSha512IsConfigured() {
		assertRejected(verify(scheme("sha512", "hex", null), SHA256_HEX, List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void wrongSecretIsRejectedAsInvalid() {
		assertRejected(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX, List.of("generic_other")),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void oneFlippedByteInTheBodyIsRejectedAsInvalid() {
		SignedRequest request = createRequest(flipByte(BODY, 20), HEADER, "sha256=" + SHA256_HEX);
		assertRejected(this.sha256HexWithPrefix.verify(request, List.of(CURRENT), NOW),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void currentSecretVerifiesDuringRotation() {
		assertVerified(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX, List.of(CURRENT, PREVIOUS)));
	}

	@Test
	void previousSecretVerifiesDuringRotation() {
		assertVerified(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX_PREVIOUS, List.of(CURRENT, PREVIOUS)));
	}

	@Test
	void signatureFromNeitherRotationSecretIsRejected() {
		assertRejected(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX_PREVIOUS, List.of(CURRENT, "newest")),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void missingSignatureIsRejected() {
		assertRejected(this.sha256HexWithPrefix.verify(createRequest(BODY), List.of(CURRENT), NOW),
				RejectionReason.SIGNATURE_MISSING);
	}

	@Test
	void missingPrefixIsMalformed() {
		assertRejected(verify(this.sha256HexWithPrefix, SHA256_HEX, List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void malformedHexIsMalformed() {
		assertRejected(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX.replace('a', 'z'), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(this.sha256HexWithPrefix, "sha256=" + SHA256_HEX.substring(1), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void malformedBase64IsMalformed() {
		GenericHmacSignature base64 = scheme("sha512", "base64", null);
		assertRejected(verify(base64, "%%%" + SHA512_BASE64, List.of(CURRENT)), RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(base64, SHA512_BASE64.replace('/', '_'), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(base64, SHA256_BASE64, List.of(CURRENT)), RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void unusableSchemesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> scheme("md5", "hex", null)).withMessageContaining("md5");
		assertThatIllegalArgumentException().isThrownBy(() -> scheme("sha256", "base32", null))
			.withMessageContaining("base32");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GenericHmacSignature(new HmacScheme(" ", "sha256", "hex", null)));
	}

	@Test
	void rejectionDetailNeverRevealsTheSecretsOrTheExpectedSignature() {
		List<String> secrets = List.of(CURRENT, PREVIOUS);
		String[] hidden = { CURRENT, PREVIOUS, SHA256_HEX, SHA256_HEX_PREVIOUS };
		assertRevealsNothing(verify(this.sha256HexWithPrefix, "sha256=" + "0".repeat(64), secrets), hidden);
		assertRevealsNothing(verify(this.sha256HexWithPrefix, "sha256=zz", secrets), hidden);
		assertRevealsNothing(verify(this.sha256HexWithPrefix, "md5=00", secrets), hidden);
	}

	private static GenericHmacSignature scheme(String algorithm, String encoding, String prefix) {
		return new GenericHmacSignature(new HmacScheme(HEADER, algorithm, encoding, prefix));
	}

	private static Verification verify(GenericHmacSignature scheme, String signature, List<String> secrets) {
		return scheme.verify(createRequest(BODY, HEADER, signature), secrets, NOW);
	}

}
