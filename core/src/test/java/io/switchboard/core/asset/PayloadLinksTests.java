package io.switchboard.core.asset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.switchboard.core.source.AssetArchiving;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadLinksTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	@Test
	void findsMinarisRecordingAndTranscriptWithTheirOwnExpiry() {
		String body = """
				{"event":"call.completed","call":{
				"recording_url":"https://app.minari.ai/api/webhook-assets/recording/550e?expires=1734567890&sig=abc",
				"transcript_url":"https://app.minari.ai/api/webhook-assets/transcript/550e?expires=1734567890&sig=abc"}}
				""";
		List<PayloadLinks.Link> links = PayloadLinks.find(body.getBytes(StandardCharsets.UTF_8),
				AssetArchiving.MINARI_FIELDS, NOW, Duration.ofHours(24));
		assertThat(links).extracting(PayloadLinks.Link::field).containsExactlyElementsOf(AssetArchiving.MINARI_FIELDS);
		assertThat(links).extracting(PayloadLinks.Link::expiresAt).containsOnly(Instant.ofEpochSecond(1734567890L));
	}

	@Test
	void aLinkWithoutExpiryIsTriedForTheFallback() {
		assertThat(PayloadLinks.expiry("https://x.example/a.mp3", NOW, Duration.ofHours(24)))
			.isEqualTo(NOW.plus(Duration.ofHours(24)));
		assertThat(PayloadLinks.expiry("https://x.example/a.mp3?expires=soon", NOW, Duration.ofHours(1)))
			.isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(PayloadLinks.expiry("https://x.example/a.mp3?expires=1734567890123", NOW, Duration.ofHours(1)))
			.isEqualTo(Instant.ofEpochMilli(1734567890123L));
	}

	@Test
	void nullsNumbersOtherSchemesAndNonJsonAreNoLinks() {
		String body = """
				{"call":{"recording_url":null,"transcript_url":42,"other":"ftp://x.example/a"}}
				""";
		assertThat(PayloadLinks.find(body.getBytes(StandardCharsets.UTF_8),
				List.of("/call/recording_url", "/call/transcript_url", "/call/other", "/missing"), NOW,
				Duration.ofHours(1)))
			.isEmpty();
		assertThat(PayloadLinks.find("not json".getBytes(StandardCharsets.UTF_8), AssetArchiving.MINARI_FIELDS, NOW,
				Duration.ofHours(1)))
			.isEmpty();
	}

}
