package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.source.Provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandardWebhooksStyleTests {

	// The example published with the Standard Webhooks specification.
	private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final Instant SPEC_TIMESTAMP = Instant.ofEpochSecond(1614265330);

	private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	// KEY=$(printf '%s' 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' \
	// | openssl base64 -d -A | xxd -p -c 64)
	// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
	// openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | openssl base64 -A
	private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	// printf '%s' 'switchboard-previous-key-32bytes' | openssl base64 -A
	private static final String PREVIOUS_SECRET = "whsec_c3dpdGNoYm9hcmQtcHJldmlvdXMta2V5LTMyYnl0ZXM=";

	// KEY=$(printf '%s' 'switchboard-previous-key-32bytes' | xxd -p -c 64)
	// printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
	// openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | openssl base64 -A
	private static final String PREVIOUS_SIGNATURE = "v1,KmBP8H5KznMRHh4+mM+0KzCjiHSoKSpa6ET25BrwUW0=";

	// printf '%s' 'an unrelated key of 32 bytes....' | openssl base64 -A
	private static final String UNRELATED_SECRET = "whsec_YW4gdW5yZWxhdGVkIGtleSBvZiAzMiBieXRlcy4uLi4=";

	private static final String EVENT_ID = "evt_01jxq3v2d8e6f9g0h1j2k3m4n5";

	private static final String PAYLOAD = "{\"event\":\"call.completed\",\"call\":{\"id\":\"call_123\",\"to\":\"Zoë\"}}";

	@Test
	void specificationExampleIsSignedAsTheSpecificationShows() {
		Map<String, String> headers = sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET));
		assertThat(headers).containsExactly(Map.entry("webhook-id", SPEC_ID),
				Map.entry("webhook-timestamp", "1614265330"), Map.entry("webhook-signature", SPEC_SIGNATURE));
	}

	@Test
	void currentAndPreviousSecretsEachSignCurrentFirst() {
		Map<String, String> headers = sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET, PREVIOUS_SECRET));
		assertThat(headers).containsEntry("webhook-signature", SPEC_SIGNATURE + " " + PREVIOUS_SIGNATURE);
	}

	@Test
	void secretWithoutItsPrefixIsReadAsBase64AsTheReferenceLibraryDoes() {
		Map<String, String> headers = sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY,
				List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
		assertThat(headers).containsEntry("webhook-signature", SPEC_SIGNATURE);
	}

	@Test
	void referenceLibraryVerifiesTheCurrentSecret() throws Exception {
		Map<String, String> headers = signNow(List.of(SPEC_SECRET));
		new Webhook(SPEC_SECRET).verify(PAYLOAD, asMultiValue(headers));
	}

	@Test
	void referenceLibraryVerifiesThePreviousSecretWhileBothSign() throws Exception {
		Map<String, String> headers = signNow(List.of(SPEC_SECRET, PREVIOUS_SECRET));
		new Webhook(PREVIOUS_SECRET).verify(PAYLOAD, asMultiValue(headers));
		new Webhook(SPEC_SECRET).verify(PAYLOAD, asMultiValue(headers));
	}

	@Test
	void referenceLibraryRefusesAnUnrelatedSecret() {
		Map<String, String> headers = signNow(List.of(SPEC_SECRET, PREVIOUS_SECRET));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(UNRELATED_SECRET).verify(PAYLOAD, asMultiValue(headers)));
	}

	@Test
	void referenceLibraryRefusesAChangedBody() {
		Map<String, String> headers = signNow(List.of(SPEC_SECRET));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(SPEC_SECRET).verify(PAYLOAD.replace("123", "124"), asMultiValue(headers)));
	}

	@Test
	void switchboardInboundVerifierAcceptsEitherSecret() {
		Instant now = Instant.now();
		byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = sign(EVENT_ID, now, body, List.of(SPEC_SECRET, PREVIOUS_SECRET));
		assertThat(SigningFixtures.verifyInbound(Provider.STANDARD_WEBHOOKS, headers, body, List.of(SPEC_SECRET), now)
			.isVerified()).isTrue();
		assertThat(
				SigningFixtures.verifyInbound(Provider.STANDARD_WEBHOOKS, headers, body, List.of(PREVIOUS_SECRET), now)
					.isVerified())
			.isTrue();
		assertThat(
				SigningFixtures.verifyInbound(Provider.STANDARD_WEBHOOKS, headers, body, List.of(UNRELATED_SECRET), now)
					.isVerified())
			.isFalse();
	}

	@Test
	void messageIdIsTheEventIdOnEveryAttempt() {
		Map<String, String> first = sign(EVENT_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET));
		Map<String, String> retry = sign(EVENT_ID, SPEC_TIMESTAMP.plusSeconds(300), SPEC_BODY, List.of(SPEC_SECRET));
		assertThat(retry.get("webhook-id")).isEqualTo(first.get("webhook-id")).isEqualTo(EVENT_ID);
		assertThat(retry.get("webhook-timestamp")).isEqualTo("1614265630");
		assertThat(retry.get("webhook-signature")).isNotEqualTo(first.get("webhook-signature"));
	}

	@Test
	void timestampIsTruncatedToWholeSeconds() {
		Map<String, String> headers = sign(SPEC_ID, SPEC_TIMESTAMP.plusMillis(999), SPEC_BODY, List.of(SPEC_SECRET));
		assertThat(headers).containsEntry("webhook-timestamp", "1614265330")
			.containsEntry("webhook-signature", SPEC_SIGNATURE);
	}

	@Test
	void secretThatIsNotBase64IsRefusedWithoutBeingRevealed() {
		String secret = "whsec_not base64 at all!";
		assertThatIllegalArgumentException().isThrownBy(() -> sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(secret)))
			.withMessageNotContaining("not base64 at all");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of("whsec_")));
	}

	@Test
	void messageIdThatCouldBreakTheHeaderIsRefused() {
		for (String id : new String[] { null, "", "evt_1\r\nX-Injected: yes", "evt 1", "évt_1" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> sign(id, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET)));
		}
	}

	private static Map<String, String> signNow(List<String> secrets) {
		return sign(EVENT_ID, Instant.now(), PAYLOAD.getBytes(StandardCharsets.UTF_8), secrets);
	}

	private static Map<String, String> sign(String id, Instant timestamp, byte[] body, List<String> secrets) {
		return OutboundSigner.sign(SignatureStyle.STANDARD_WEBHOOKS, id, timestamp, body, secrets);
	}

	private static Map<String, List<String>> asMultiValue(Map<String, String> headers) {
		return headers.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> List.of(entry.getValue())));
	}

}
