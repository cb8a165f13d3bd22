package io.switchboard.worker.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.source.Provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MiniVoiceStyleTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String PREVIOUS_SECRET = "whsec_c3dpdGNoYm9hcmQtcHJldmlvdXMta2V5LTMyYnl0ZXM=";

	private static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);

	private static final byte[] BODY = "{\"event\":\"call.completed\",\"call\":{\"id\":\"call_123\"}}"
		.getBytes(StandardCharsets.UTF_8);

	// printf '%s' '1614265330.{"event":"call.completed","call":{"id":"call_123"}}' |
	// openssl dgst -sha256 -hmac 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' -hex
	private static final String SIGNATURE = "v1=cf4c16449e3a4268bb78838abfe4ce319a10aa592c316ad2f2338d61ecb1dba4";

	@Test
	void timestampAndBodyAreSignedWithTheSecretTextAsKey() {
		Map<String, String> headers = sign(TIMESTAMP, List.of(SECRET));
		assertThat(headers).containsExactly(Map.entry("X-MiniVoice-Timestamp", "1614265330"),
				Map.entry("X-MiniVoice-Signature", SIGNATURE));
	}

	@Test
	void onlyTheCurrentSecretSigns() {
		assertThat(sign(TIMESTAMP, List.of(SECRET, PREVIOUS_SECRET))).containsEntry("X-MiniVoice-Signature", SIGNATURE);
	}

	@Test
	void switchboardInboundVerifierForMiniVoiceAcceptsIt() {
		Instant now = Instant.now();
		Map<String, String> headers = sign(now, List.of(SECRET, PREVIOUS_SECRET));
		assertThat(SigningFixtures.verifyInbound(Provider.MINIVOICE, headers, BODY, List.of(SECRET), now).isVerified())
			.isTrue();
		assertThat(SigningFixtures.verifyInbound(Provider.MINIVOICE, headers, BODY, List.of(PREVIOUS_SECRET), now)
			.isVerified()).isFalse();
	}

	@Test
	void switchboardInboundVerifierForMiniVoiceRefusesAChangedBody() {
		Instant now = Instant.now();
		Map<String, String> headers = sign(now, List.of(SECRET));
		byte[] changed = BODY.clone();
		changed[10] ^= 1;
		assertThat(
				SigningFixtures.verifyInbound(Provider.MINIVOICE, headers, changed, List.of(SECRET), now).isVerified())
			.isFalse();
	}

	private static Map<String, String> sign(Instant timestamp, List<String> secrets) {
		return OutboundSigner.sign(SignatureStyle.MINIVOICE, "evt_ignored", timestamp, BODY, secrets);
	}

}
