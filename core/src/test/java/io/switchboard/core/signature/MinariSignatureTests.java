package io.switchboard.core.signature;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static io.switchboard.core.signature.SignatureFixtures.assertRejected;
import static io.switchboard.core.signature.SignatureFixtures.assertRevealsNothing;
import static io.switchboard.core.signature.SignatureFixtures.assertVerified;
import static io.switchboard.core.signature.SignatureFixtures.createRequest;
import static io.switchboard.core.signature.SignatureFixtures.flipByte;
import static io.switchboard.core.signature.SignatureFixtures.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

class MinariSignatureTests {

	// The call.completed example from the Minari docs as compact JSON (as the docs'
	// JSON.stringify would send it; the docs' "list_name: typo fixed), no trailing
	// newline: printf '%s' '<the JSON>' > minari.json (919 bytes)
	private static final String BODY = "{\"event\":\"call.completed\",\"call\":{\"ended_at\":\"2025-12-17T14:30:00.000Z\","
			+ "\"status\":\"connected\",\"direction\":\"outgoing\",\"duration_seconds\":180,"
			+ "\"from_number\":\"+33100000000\",\"to_number\":\"+33600000000\","
			+ "\"recording_url\":\"https://app.minari.ai/api/webhook-assets/recording/"
			+ "550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123\","
			+ "\"transcript_url\":\"https://app.minari.ai/api/webhook-assets/transcript/"
			+ "550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123\","
			+ "\"summary\":\"Discussed pricing options. Prospect is interested but needs internal approval before "
			+ "moving forward. Follow-up scheduled for next week.\"},"
			+ "\"prospect\":{\"first_name\":\"John\",\"last_name\":\"Doe\",\"email\":\"john.doe@example.com\","
			+ "\"company\":\"Acme Inc\",\"job_title\":\"Software Engineer\",\"crm_contact_id\":\"123\","
			+ "\"crm_company_id\":\"456\"},\"user\":{\"name\":\"Jane Smith\",\"email\":\"jane@yourcompany.com\"},"
			+ "\"list\":{\"list_name\":\"Q1 Outbound Campaign\",\"list_id\":\"123\"}}";

	private static final String CURRENT = "minari_current_Vb7nQ2";

	private static final String PREVIOUS = "minari_previous_Hs4tM8";

	// openssl dgst -sha256 -hmac minari_current_Vb7nQ2 < minari.json
	private static final String SIGNED_WITH_CURRENT = "ca2b682dfc26e53402d7a90ec16524ecc5761b9e60ca2347431aba8715da60a3";

	// openssl dgst -sha256 -hmac minari_previous_Hs4tM8 < minari.json
	private static final String SIGNED_WITH_PREVIOUS = "fe149790987f53b54c99f7926b099654fd6332b40cd2a87b6f9f756db4e49b4e";

	private static final Instant NOW = Instant.parse("2025-12-17T14:30:05Z");

	private final MinariSignature scheme = new MinariSignature();

	@Test
	void bodyFixtureIsTheSignedPayloadByteForByte() {
		// openssl dgst -sha256 minari.json
		assertThat(BODY).hasSize(919);
		assertThat(sha256Hex(BODY)).isEqualTo("4f4e40517d2fa4fb34ec4d4954e831190a2bac4856587a750ddaaef80a4be5cb");
	}

	@Test
	void validSignatureIsAccepted() {
		assertVerified(verify(signed(SIGNED_WITH_CURRENT), List.of(CURRENT)));
	}

	@Test
	void upperCaseHexIsAccepted() {
		assertVerified(verify(signed(SIGNED_WITH_CURRENT.toUpperCase(Locale.ROOT)), List.of(CURRENT)));
	}

	@Test
	void noTimestampIsNeededWhateverTheTime() {
		assertVerified(this.scheme.verify(signed(SIGNED_WITH_CURRENT), List.of(CURRENT), Instant.EPOCH));
	}

	@Test
	void wrongSecretIsRejectedAsInvalid() {
		assertRejected(verify(signed(SIGNED_WITH_CURRENT), List.of("minari_other")), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void oneFlippedByteInTheBodyIsRejectedAsInvalid() {
		SignedRequest request = createRequest(flipByte(BODY, 500), MinariSignature.SIGNATURE_HEADER,
				SIGNED_WITH_CURRENT);
		assertRejected(verify(request, List.of(CURRENT)), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void reserializedBodyIsRejectedAsInvalid() {
		SignedRequest request = createRequest(BODY.replace(",", ", "), MinariSignature.SIGNATURE_HEADER,
				SIGNED_WITH_CURRENT);
		assertRejected(verify(request, List.of(CURRENT)), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void currentSecretVerifiesDuringRotation() {
		assertVerified(verify(signed(SIGNED_WITH_CURRENT), List.of(CURRENT, PREVIOUS)));
	}

	@Test
	void previousSecretVerifiesDuringRotation() {
		assertVerified(verify(signed(SIGNED_WITH_PREVIOUS), List.of(CURRENT, PREVIOUS)));
	}

	@Test
	void signatureFromNeitherRotationSecretIsRejected() {
		assertRejected(verify(signed(SIGNED_WITH_PREVIOUS), List.of(CURRENT, "minari_newest")),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void missingSignatureIsRejected() {
		assertRejected(verify(createRequest(BODY), List.of(CURRENT)), RejectionReason.SIGNATURE_MISSING);
	}

	@Test
	void nonHexSignatureIsMalformed() {
		assertRejected(verify(signed(SIGNED_WITH_CURRENT.substring(0, 63) + "x"), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void wrongLengthSignatureIsMalformed() {
		assertRejected(verify(signed(SIGNED_WITH_CURRENT.substring(2)), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed(""), List.of(CURRENT)), RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void prefixedSignatureIsMalformed() {
		assertRejected(verify(signed("sha256=" + SIGNED_WITH_CURRENT), List.of(CURRENT)),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void rejectionDetailNeverRevealsTheSecretsOrTheExpectedSignature() {
		List<String> secrets = List.of(CURRENT, PREVIOUS);
		String[] hidden = { CURRENT, PREVIOUS, SIGNED_WITH_CURRENT, SIGNED_WITH_PREVIOUS };
		assertRevealsNothing(verify(signed("0".repeat(64)), secrets), hidden);
		assertRevealsNothing(verify(signed("not hex"), secrets), hidden);
		assertRevealsNothing(verify(createRequest(BODY), secrets), hidden);
	}

	private Verification verify(SignedRequest request, List<String> secrets) {
		return this.scheme.verify(request, secrets, NOW);
	}

	private static SignedRequest signed(String signature) {
		return createRequest(BODY, MinariSignature.SIGNATURE_HEADER, signature);
	}

}
