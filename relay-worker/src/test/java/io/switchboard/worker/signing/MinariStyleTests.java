package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.source.Provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinariStyleTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String PREVIOUS_SECRET = "whsec_c3dpdGNoYm9hcmQtcHJldmlvdXMta2V5LTMyYnl0ZXM=";

	private static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);

	private static final byte[] BODY = "{\"event\":\"call.completed\",\"call\":{\"id\":\"call_123\"}}"
		.getBytes(StandardCharsets.UTF_8);

	// printf '%s' '{"event":"call.completed","call":{"id":"call_123"}}' |
	// openssl dgst -sha256 -hmac 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' -hex
	private static final String SIGNATURE = "87e0b4684d67b04c96f7ca71bf30254e65b2ec27d19e1876fe239efb5d66c269";

	@Test
	void bodyIsSignedWithTheSecretTextAsKey() {
		assertThat(sign(TIMESTAMP, List.of(SECRET))).containsExactly(Map.entry("X-Webhook-Signature", SIGNATURE));
	}

	@Test
	void onlyTheCurrentSecretSignsAndTheTimeDoesNotMatter() {
		assertThat(sign(TIMESTAMP.plusSeconds(3600), List.of(SECRET, PREVIOUS_SECRET)))
			.containsExactly(Map.entry("X-Webhook-Signature", SIGNATURE));
	}

	@Test
	void switchboardInboundVerifierForMinariAcceptsIt() {
		Instant now = Instant.now();
		Map<String, String> headers = sign(now, List.of(SECRET, PREVIOUS_SECRET));
		assertThat(SigningFixtures.verifyInbound(Provider.MINARI, headers, BODY, List.of(SECRET), now).isVerified())
			.isTrue();
		assertThat(SigningFixtures.verifyInbound(Provider.MINARI, headers, BODY, List.of(PREVIOUS_SECRET), now)
			.isVerified()).isFalse();
	}

	private static Map<String, String> sign(Instant timestamp, List<String> secrets) {
		return OutboundSigner.sign(SignatureStyle.MINARI, "evt_ignored", timestamp, BODY, secrets);
	}

}
