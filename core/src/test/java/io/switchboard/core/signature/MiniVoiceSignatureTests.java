package io.switchboard.core.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.switchboard.testsupport.ProviderPayloads;
import org.junit.jupiter.api.Test;

import static io.switchboard.core.signature.SignatureFixtures.assertRejected;
import static io.switchboard.core.signature.SignatureFixtures.assertRevealsNothing;
import static io.switchboard.core.signature.SignatureFixtures.assertVerified;
import static io.switchboard.core.signature.SignatureFixtures.createRequest;
import static io.switchboard.core.signature.SignatureFixtures.flipByte;
import static io.switchboard.core.signature.SignatureFixtures.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

class MiniVoiceSignatureTests {

	// The call.completed example from the MiniVoice docs, byte for byte, no trailing
	// newline: printf '%s' '<the JSON>' > minivoice.json (275 bytes)
	private static final String BODY = ProviderPayloads.MINIVOICE_CALL_COMPLETED;

	private static final String CURRENT = "mv_current_8Jq2xTz4";

	private static final String PREVIOUS = "mv_previous_Lp5wKd9R";

	// 2026-05-29T12:10:00Z: date -u -d 2026-05-29T12:10:00Z +%s
	private static final String TIMESTAMP = "1780056600";

	private static final Instant SIGNED_AT = Instant.parse("2026-05-29T12:10:00Z");

	// { printf '%s' '1780056600.'; cat minivoice.json; } \
	// | openssl dgst -sha256 -hmac mv_current_8Jq2xTz4
	private static final String SIGNED_WITH_CURRENT = "96ef0726ffca940550cb8ef7a51214b5d367d82360da147cb08d17f5c97fc755";

	// { printf '%s' '1780056600.'; cat minivoice.json; } \
	// | openssl dgst -sha256 -hmac mv_previous_Lp5wKd9R
	private static final String SIGNED_WITH_PREVIOUS = "84340b19423cd7aa49f47ae421ee0f1705942d23a36286f34d6c47b849cd37c6";

	// { printf '%s' '1780056600000.'; cat minivoice.json; } \
	// | openssl dgst -sha256 -hmac mv_current_8Jq2xTz4
	private static final String SIGNED_AT_MILLISECONDS = "a11bdd7389f65ca820c6ad83fbc8d74ec241d5c0efdfa2bf2e46800fd9b8644f";

	// { printf '%s' '2026-05-29T12:10:00Z.'; cat minivoice.json; } \
	// | openssl dgst -sha256 -hmac mv_current_8Jq2xTz4
	private static final String SIGNED_AT_ISO_INSTANT = "decec2a54e787cfd42460024f9d217398d0c320ac8f8e0b23a5c49612ca288ac";

	// { printf '%s' '2026-05-29T14:10:00+02:00.'; cat minivoice.json; } \
	// | openssl dgst -sha256 -hmac mv_current_8Jq2xTz4
	private static final String SIGNED_AT_ISO_OFFSET = "fcf429c8392c7bc6801e1aae382d34827cb5f1bce162ffca02f45c4ef560362c";

	private final MiniVoiceSignature scheme = new MiniVoiceSignature(Duration.ofMinutes(5));

	@Test
	void bodyFixtureIsTheDocumentedPayloadByteForByte() {
		// openssl dgst -sha256 minivoice.json
		assertThat(BODY).hasSize(275);
		assertThat(sha256Hex(BODY)).isEqualTo("308139a361996013b8ff20bb09b3829b677c6047972a236f9ab9bec7702732a1");
	}

	@Test
	void validSignatureIsAccepted() {
		assertVerified(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT));
	}

	@Test
	void upperCaseHexIsAccepted() {
		String upper = "v1=" + SIGNED_WITH_CURRENT.toUpperCase(Locale.ROOT);
		assertVerified(verify(signed(TIMESTAMP, upper), List.of(CURRENT), SIGNED_AT));
	}

	@Test
	void wrongSecretIsRejectedAsInvalid() {
		assertRejected(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of("mv_other_secret"), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void oneFlippedByteInTheBodyIsRejectedAsInvalid() {
		SignedRequest request = createRequest(flipByte(BODY, 100), MiniVoiceSignature.TIMESTAMP_HEADER, TIMESTAMP,
				MiniVoiceSignature.SIGNATURE_HEADER, "v1=" + SIGNED_WITH_CURRENT);
		assertRejected(verify(request, List.of(CURRENT), SIGNED_AT), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void timestampIsPartOfTheSignedContent() {
		assertRejected(verify(signed("1780056601", "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void currentSecretVerifiesDuringRotation() {
		assertVerified(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT, PREVIOUS), SIGNED_AT));
	}

	@Test
	void previousSecretVerifiesDuringRotation() {
		assertVerified(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_PREVIOUS), List.of(CURRENT, PREVIOUS), SIGNED_AT));
	}

	@Test
	void signatureFromNeitherRotationSecretIsRejected() {
		assertRejected(
				verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_PREVIOUS), List.of(CURRENT, "mv_newest"), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void noSecretsVerifyNothing() {
		assertRejected(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(), SIGNED_AT),
				RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void staleTimestampJustInsideToleranceIsAccepted() {
		assertVerified(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT),
				SIGNED_AT.plus(Duration.ofMinutes(5))));
	}

	@Test
	void staleTimestampJustOutsideToleranceIsRejected() {
		Verification verification = verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT),
				SIGNED_AT.plus(Duration.ofMinutes(5)).plusSeconds(1));
		assertThat(assertRejected(verification, RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE).detail())
			.contains("301 seconds old");
	}

	@Test
	void futureTimestampJustInsideToleranceIsAccepted() {
		assertVerified(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT),
				SIGNED_AT.minus(Duration.ofMinutes(5))));
	}

	@Test
	void futureTimestampJustOutsideToleranceIsRejected() {
		Verification verification = verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT),
				SIGNED_AT.minus(Duration.ofMinutes(5)).minusSeconds(1));
		assertThat(assertRejected(verification, RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE).detail())
			.contains("in the future");
	}

	@Test
	void toleranceIsTheOneGiven() {
		MiniVoiceSignature strict = new MiniVoiceSignature(Duration.ofSeconds(30));
		SignedRequest request = signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT);
		assertVerified(strict.verify(request, List.of(CURRENT), SIGNED_AT.plusSeconds(30)));
		assertRejected(strict.verify(request, List.of(CURRENT), SIGNED_AT.plusSeconds(31)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void toleranceDefaultsToFiveMinutes() {
		MiniVoiceSignature defaulted = new MiniVoiceSignature(null);
		SignedRequest request = signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT);
		assertVerified(defaulted.verify(request, List.of(CURRENT), SIGNED_AT.plusSeconds(300)));
		assertRejected(defaulted.verify(request, List.of(CURRENT), SIGNED_AT.plusSeconds(301)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void forgedRequestWithStaleTimestampIsRejectedAsInvalidNotAsStale() {
		assertRejected(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), List.of("mv_other_secret"),
				SIGNED_AT.plus(Duration.ofHours(1))), RejectionReason.SIGNATURE_INVALID);
	}

	@Test
	void unixMillisecondTimestampIsAccepted() {
		assertVerified(verify(signed("1780056600000", "v1=" + SIGNED_AT_MILLISECONDS), List.of(CURRENT), SIGNED_AT));
		assertRejected(verify(signed("1780056600000", "v1=" + SIGNED_AT_MILLISECONDS), List.of(CURRENT),
				SIGNED_AT.plusSeconds(301)), RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void isoInstantTimestampIsAccepted() {
		assertVerified(verify(signed("2026-05-29T12:10:00Z", "v1=" + SIGNED_AT_ISO_INSTANT), List.of(CURRENT),
				SIGNED_AT.minusSeconds(299)));
	}

	@Test
	void isoTimestampWithOffsetIsAccepted() {
		assertVerified(verify(signed("2026-05-29T14:10:00+02:00", "v1=" + SIGNED_AT_ISO_OFFSET), List.of(CURRENT),
				SIGNED_AT.plusSeconds(299)));
		assertRejected(verify(signed("2026-05-29T14:10:00+02:00", "v1=" + SIGNED_AT_ISO_OFFSET), List.of(CURRENT),
				SIGNED_AT.plus(Duration.ofHours(2))), RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	@Test
	void digitsAreSecondsBelowOneHundredBillionAndMillisecondsFromThere() {
		assertThat(MiniVoiceSignature.parseTimestamp("99999999999")).isEqualTo(Instant.ofEpochSecond(99999999999L));
		assertThat(MiniVoiceSignature.parseTimestamp("100000000000")).isEqualTo(Instant.ofEpochMilli(100000000000L));
		assertThat(MiniVoiceSignature.parseTimestamp("0")).isEqualTo(Instant.EPOCH);
	}

	@Test
	void unreadableTimestampsAreNotParsed() {
		assertThat(MiniVoiceSignature.parseTimestamp("")).isNull();
		assertThat(MiniVoiceSignature.parseTimestamp("yesterday")).isNull();
		assertThat(MiniVoiceSignature.parseTimestamp("-1780056600")).isNull();
		assertThat(MiniVoiceSignature.parseTimestamp("1780056600.5")).isNull();
		assertThat(MiniVoiceSignature.parseTimestamp("99999999999999999999")).isNull();
		assertThat(MiniVoiceSignature.parseTimestamp("2026-05-29 12:10:00")).isNull();
	}

	@Test
	void unreadableTimestampIsRejectedAsMalformed() {
		assertRejected(verify(signed("yesterday", "v1=" + SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT),
				RejectionReason.TIMESTAMP_MALFORMED);
	}

	@Test
	void missingSignatureIsRejected() {
		SignedRequest request = createRequest(BODY, MiniVoiceSignature.TIMESTAMP_HEADER, TIMESTAMP);
		assertRejected(verify(request, List.of(CURRENT), SIGNED_AT), RejectionReason.SIGNATURE_MISSING);
	}

	@Test
	void missingTimestampIsRejected() {
		SignedRequest request = createRequest(BODY, MiniVoiceSignature.SIGNATURE_HEADER, "v1=" + SIGNED_WITH_CURRENT);
		assertRejected(verify(request, List.of(CURRENT), SIGNED_AT), RejectionReason.TIMESTAMP_MISSING);
	}

	@Test
	void noHeadersAtAllIsAMissingSignature() {
		assertRejected(verify(createRequest(BODY), List.of(CURRENT), SIGNED_AT), RejectionReason.SIGNATURE_MISSING);
	}

	@Test
	void signatureWithoutV1PrefixIsMalformed() {
		Verification verification = verify(signed(TIMESTAMP, SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT);
		assertThat(assertRejected(verification, RejectionReason.SIGNATURE_MALFORMED).detail()).contains("v1=")
			.contains("always");
	}

	@Test
	void otherVersionPrefixesAreMalformed() {
		assertRejected(verify(signed(TIMESTAMP, "v0=" + SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed(TIMESTAMP, "V1=" + SIGNED_WITH_CURRENT), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void nonHexSignatureIsMalformed() {
		String notHex = "v1=" + SIGNED_WITH_CURRENT.substring(0, 63) + "g";
		assertRejected(verify(signed(TIMESTAMP, notHex), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void wrongLengthSignatureIsMalformed() {
		assertRejected(
				verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT.substring(0, 62)), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT + "00"), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
		assertRejected(verify(signed(TIMESTAMP, "v1="), List.of(CURRENT), SIGNED_AT),
				RejectionReason.SIGNATURE_MALFORMED);
	}

	@Test
	void rejectionDetailNeverRevealsTheSecretsOrTheExpectedSignature() {
		List<String> secrets = List.of(CURRENT, PREVIOUS);
		String[] hidden = { CURRENT, PREVIOUS, SIGNED_WITH_CURRENT, SIGNED_WITH_PREVIOUS };
		String wrong = "v1=" + "0".repeat(64);
		assertRevealsNothing(verify(signed(TIMESTAMP, wrong), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(signed(TIMESTAMP, "v1=zz"), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(signed(TIMESTAMP, "0".repeat(64)), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(signed("soon", wrong), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(verify(createRequest(BODY), secrets, SIGNED_AT), hidden);
		assertRevealsNothing(
				verify(signed(TIMESTAMP, "v1=" + SIGNED_WITH_CURRENT), secrets, SIGNED_AT.plus(Duration.ofDays(1))),
				hidden);
	}

	private Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		return this.scheme.verify(request, secrets, now);
	}

	private static SignedRequest signed(String timestamp, String signature) {
		return createRequest(BODY, MiniVoiceSignature.TIMESTAMP_HEADER, timestamp, MiniVoiceSignature.SIGNATURE_HEADER,
				signature);
	}

}
