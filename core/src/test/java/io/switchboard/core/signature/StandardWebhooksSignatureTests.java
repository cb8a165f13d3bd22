package io.switchboard.core.signature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.switchboard.core.signature.SignatureFixtures.assertRejected;
import static io.switchboard.core.signature.SignatureFixtures.assertRevealsNothing;
import static io.switchboard.core.signature.SignatureFixtures.assertVerified;
import static io.switchboard.core.signature.SignatureFixtures.createRequest;
import static io.switchboard.core.signature.SignatureFixtures.flipByte;
import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksSignatureTests {

	// The example published with the Standard Webhooks specification.
	private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final String TIMESTAMP = "1614265330";

	private static final Instant SIGNED_AT = Instant.ofEpochSecond(1614265330);

	private static final String BODY = "{\"test\": 2432232314}";

	// KEY=$(printf '%s' 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' \
	// | openssl base64 -d -A | xxd -p -c 64)
	// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
	// openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | openssl base64 -A
	private static final String SPEC_SIGNATURE = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	// printf '%s' 'switchboard-previous-key-32bytes' | openssl base64 -A
	private static final String PREVIOUS_SECRET = "whsec_c3dpdGNoYm9hcmQtcHJldmlvdXMta2V5LTMyYnl0ZXM=";

	// KEY=$(printf '%s' 'switchboard-previous-key-32bytes' | xxd -p -c 64)
	// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
	// openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | openssl base64 -A
	private static final String PREVIOUS_SIGNATURE = "KmBP8H5KznMRHh4+mM+0KzCjiHSoKSpa6ET25BrwUW0=";

	private static final String NOT_BASE64_SECRET = "not base64 secret!";

	// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
	// openssl dgst -sha256 -hmac 'not base64 secret!' -binary | openssl base64 -A
	private static final String NOT_BASE64_SIGNATURE = "8jKEIxiU9qetoc2opr5Ag+CTma9tG8dgvDHD/4Bms6M=";

	private final StandardWebhooksSignature scheme = new StandardWebhooksSignature(Duration.ofMinutes(5));

	@Test
	void specificationExampleIsAccepted() {
		assertVerified(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT));
	}

	@Test
	void secretWithoutPrefixIsDecodedAsBase64() {
		assertVerified(verify(signed("v1," + SPEC_SIGNATURE), List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), SIGNED_AT));
	}

	@Test
	void secretThatIsNotBase64IsUsedAsItsUtf8Bytes() {
		assertThat(StandardWebhooksSignature.key(NOT_BASE64_SECRET))
			.isEqualTo(NOT_BASE64_SECRET.getBytes(StandardCharsets.UTF_8));
		assertVerified(verify(signed("v1," + NOT_BASE64_SIGNATURE), List.of(NOT_BASE64_SECRET), SIGNED_AT));
	}

	@Test
	void wrongSecretIsRejectedAsInvalid() {
		assertRejected(verify(signed("v1," + SPEC_SIGNATURE), List.of(PREVIOUS_SECRET), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void oneFlippedByteInTheBodyIsRejectedAsInvalid() {
		SignedRequest request = createRequest(flipByte(BODY, 10), StandardWebhooksSignature.ID_HEADER, ID,
				StandardWebhooksSignature.TIMESTAMP_HEADER, TIMESTAMP, StandardWebhooksSignature.SIGNATURE_HEADER,
				"v1," + SPEC_SIGNATURE);
		assertRejected(verify(request, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void messageIdAndTimestampArePartOfTheSignedContent() {
		SignedRequest otherId = createRequest(BODY, StandardWebhooksSignature.ID_HEADER, "msg_other",
				StandardWebhooksSignature.TIMESTAMP_HEADER, TIMESTAMP, StandardWebhooksSignature.SIGNATURE_HEADER,
				"v1," + SPEC_SIGNATURE);
		assertRejected(verify(otherId, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.SIGNATURE_INVALID);
		SignedRequest otherTimestamp = createRequest(BODY, StandardWebhooksSignature.ID_HEADER, ID,
				StandardWebhooksSignature.TIMESTAMP_HEADER, "1614265331", StandardWebhooksSignature.SIGNATURE_HEADER,
				"v1," + SPEC_SIGNATURE);
		assertRejected(verify(otherTimestamp, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void currentSecretVerifiesDuringRotation() {
		assertVerified(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET, PREVIOUS_SECRET), SIGNED_AT));
	}

	@Test
	void previousSecretVerifiesDuringRotation() {
		assertVerified(verify(signed("v1," + PREVIOUS_SIGNATURE), List.of(SPEC_SECRET, PREVIOUS_SECRET), SIGNED_AT));
	}

	@Test
	void signatureFromNeitherRotationSecretIsRejected() {
		assertRejected(verify(signed("v1," + PREVIOUS_SIGNATURE), List.of(SPEC_SECRET, NOT_BASE64_SECRET), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void anyOfSeveralSignaturesMayMatch() {
		String header = "v1," + PREVIOUS_SIGNATURE + " v1," + SPEC_SIGNATURE;
		assertVerified(verify(signed(header), List.of(SPEC_SECRET), SIGNED_AT));
	}

	@Test
	void entriesOfOtherVersionsAreIgnored() {
		assertVerified(verify(signed("v2,bm90IGEgc2lnbmF0dXJl v1a,xyz v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET),
				SIGNED_AT));
		Verification onlyOtherVersions = verify(signed("v1a," + SPEC_SIGNATURE + " v2," + SPEC_SIGNATURE),
				List.of(SPEC_SECRET), SIGNED_AT);
		assertRejected(onlyOtherVersions, RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void malformedBase64IsMalformed() {
		assertRejected(verify(signed("v1,!!!not-base64!!!"), List.of(SPEC_SECRET), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed("v1," + SPEC_SIGNATURE.substring(4)), List.of(SPEC_SECRET), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed(SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void staleTimestampJustInsideToleranceIsAccepted() {
		assertVerified(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT.plusSeconds(300)));
	}

	@Test
	void staleTimestampJustOutsideToleranceIsRejected() {
		assertRejected(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT.plusSeconds(301)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void futureTimestampJustInsideToleranceIsAccepted() {
		assertVerified(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT.minusSeconds(300)));
	}

	@Test
	void futureTimestampJustOutsideToleranceIsRejected() {
		assertRejected(verify(signed("v1," + SPEC_SIGNATURE), List.of(SPEC_SECRET), SIGNED_AT.minusSeconds(301)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void toleranceIsTheOneGiven() {
		StandardWebhooksSignature lenient = new StandardWebhooksSignature(Duration.ofMinutes(10));
		SignedRequest request = signed("v1," + SPEC_SIGNATURE);
		assertVerified(lenient.verify(request, List.of(SPEC_SECRET), SIGNED_AT.plusSeconds(600)));
		assertRejected(lenient.verify(request, List.of(SPEC_SECRET), SIGNED_AT.plusSeconds(601)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void forgedRequestWithStaleTimestampIsRejectedAsInvalidNotAsStale() {
		assertRejected(verify(signed("v1," + SPEC_SIGNATURE), List.of(PREVIOUS_SECRET), SIGNED_AT.plusSeconds(3600)),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void nonNumericTimestampIsMalformed() {
		for (String timestamp : List.of("2021-02-26T01:02:10Z", "1614265330000.0", "-1614265330", "",
				"99999999999999999999")) {
			SignedRequest request = createRequest(BODY, StandardWebhooksSignature.ID_HEADER, ID,
					StandardWebhooksSignature.TIMESTAMP_HEADER, timestamp, StandardWebhooksSignature.SIGNATURE_HEADER,
					"v1," + SPEC_SIGNATURE);
			assertRejected(verify(request, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.TIMESTAMP_MALFORMED);
		}
	}

	@Test
	void missingIdIsRejectedAsMissingSignature() {
		SignedRequest request = createRequest(BODY, StandardWebhooksSignature.TIMESTAMP_HEADER, TIMESTAMP,
				StandardWebhooksSignature.SIGNATURE_HEADER, "v1," + SPEC_SIGNATURE);
		assertThat(assertRejected(verify(request, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.SIGNATURE_MISSING)
			.detail()).contains("webhook-id");
	}

	@Test
	void missingSignatureIsRejected() {
		SignedRequest request = createRequest(BODY, StandardWebhooksSignature.ID_HEADER, ID,
				StandardWebhooksSignature.TIMESTAMP_HEADER, TIMESTAMP);
		assertThat(assertRejected(verify(request, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.SIGNATURE_MISSING)
			.detail()).contains("webhook-signature");
	}

	@Test
	void missingTimestampIsRejected() {
		SignedRequest request = createRequest(BODY, StandardWebhooksSignature.ID_HEADER, ID,
				StandardWebhooksSignature.SIGNATURE_HEADER, "v1," + SPEC_SIGNATURE);
		assertRejected(verify(request, List.of(SPEC_SECRET), SIGNED_AT), RejectionReason.TIMESTAMP_MISSING);
	}

	@Test
	void headersAreFoundWhateverTheirCase() {
		SignedRequest request = createRequest(BODY, "Webhook-Id", ID, "WEBHOOK-TIMESTAMP", TIMESTAMP,
				"Webhook-Signature", "v1," + SPEC_SIGNATURE);
		assertVerified(verify(request, List.of(SPEC_SECRET), SIGNED_AT));
	}

	@Test
	void rejectionDetailNeverRevealsTheSecretsOrTheExpectedSignature() {
		List<String> secrets = List.of(SPEC_SECRET, PREVIOUS_SECRET);
		String[] hidden = { SPEC_SECRET, PREVIOUS_SECRET, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", SPEC_SIGNATURE,
				PREVIOUS_SIGNATURE };
		assertRevealsNothing(verify(signed("v1," + NOT_BASE64_SIGNATURE), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(signed("v1,***"), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(signed("v1," + SPEC_SIGNATURE), secrets, SIGNED_AT.plusSeconds(3600)), hidden);
		assertRevealsNothing(verify(createRequest(BODY), secrets, SIGNED_AT), hidden);
	}

	private Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		return this.scheme.verify(request, secrets, now);
	}

	private static SignedRequest signed(String signature) {
		return createRequest(BODY, StandardWebhooksSignature.ID_HEADER, ID, StandardWebhooksSignature.TIMESTAMP_HEADER,
				TIMESTAMP, StandardWebhooksSignature.SIGNATURE_HEADER, signature);
	}

}
