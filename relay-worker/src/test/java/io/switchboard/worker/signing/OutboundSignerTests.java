package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.core.destination.SignatureStyle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboundSignerTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.ofEpochSecond(1614265330);

	@Test
	void noneAddsNoHeaders() {
		assertThat(OutboundSigner.sign(SignatureStyle.NONE, "evt_1", NOW, BODY, List.of())).isEmpty();
		assertThat(OutboundSigner.sign(SignatureStyle.NONE, null, null, null, null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = SignatureStyle.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
	void signedStyleWithoutSecretIsRefused(SignatureStyle style) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutboundSigner.sign(style, "evt_1", NOW, BODY, List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutboundSigner.sign(style, "evt_1", NOW, BODY, List.of("")));
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void everyHeaderTheSignerAddsIsASignatureHeader(SignatureStyle style) {
		Map<String, String> headers = OutboundSigner.sign(style, "evt_1", NOW, BODY, List.of(SECRET));
		assertThat(headers.keySet()).allMatch(OutboundSigner::isSignatureHeader);
	}

	@ParameterizedTest
	@ValueSource(strings = { "webhook-id", "Webhook-Timestamp", "WEBHOOK-SIGNATURE", "x-minivoice-timestamp",
			"X-MiniVoice-Signature", "x-WEBHOOK-signature" })
	void signatureHeadersAreRecognisedInAnyCase(String name) {
		assertThat(OutboundSigner.isSignatureHeader(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Type", "Authorization", "X-MiniVoice-Event", "webhook-ids", "" })
	void otherHeadersAreNotSignatureHeaders(String name) {
		assertThat(OutboundSigner.isSignatureHeader(name)).isFalse();
		assertThat(OutboundSigner.isSignatureHeader(null)).isFalse();
	}

	@Test
	void redactedHidesSignaturesAndCredentials() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-signature", "v1,abc");
		headers.put("X-MiniVoice-Signature", "v1=abc");
		headers.put("x-webhook-signature", "abc");
		headers.put("Authorization", "Bearer abc");
		headers.put("Proxy-Authorization", "Basic abc");
		headers.put("Cookie", "session=abc");
		headers.put("Set-Cookie", "session=abc");
		headers.put("X-Api-Key", "abc");
		headers.put("X-Auth-Token", "abc");
		headers.put("X-Client-SECRET", "abc");
		headers.put("db-password", "abc");
		assertThat(OutboundSigner.redacted(headers)).hasSize(11).allSatisfy((name, value) -> {
			assertThat(value).as(name).isEqualTo("[redacted]");
		});
	}

	@Test
	void redactedKeepsOtherHeadersIdsAndTimestampsInOrder() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", "evt_1");
		headers.put("Content-Type", "application/json");
		headers.put("webhook-timestamp", "1614265330");
		headers.put("Authorization", "Bearer abc");
		headers.put("X-MiniVoice-Timestamp", "1614265330");
		Map<String, String> redacted = OutboundSigner.redacted(headers);
		assertThat(redacted).containsExactly(Map.entry("webhook-id", "evt_1"),
				Map.entry("Content-Type", "application/json"), Map.entry("webhook-timestamp", "1614265330"),
				Map.entry("Authorization", "[redacted]"), Map.entry("X-MiniVoice-Timestamp", "1614265330"));
		assertThat(headers).containsEntry("Authorization", "Bearer abc");
	}

}
