package io.switchboard.core.asset;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.switchboard.core.destination.AssetLinkMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivedLinksInPayloadTests {

	private static final String BODY = """
			{"event":"call.completed","call":{"recording_url":"https://minari/rec?expires=1","transcript_url":"https://minari/tr?expires=1","summary":"s"}}""";

	private static final Map<String, String> LINKS = Map.of("/call/recording_url", "https://sb/assets/t/a?sig=1");

	@Test
	void archivedReplacesTheLinkOfEachArchivedFieldOnly() {
		assertThat(apply(AssetLinkMode.ARCHIVED, LINKS)).contains("\"recording_url\":\"https://sb/assets/t/a?sig=1\"")
			.contains("\"transcript_url\":\"https://minari/tr?expires=1\"")
			.doesNotContain("archived_");
	}

	@Test
	void bothAddsTheArchivedLinkBesideTheOriginal() {
		assertThat(apply(AssetLinkMode.BOTH, LINKS)).contains("\"recording_url\":\"https://minari/rec?expires=1\"")
			.contains("\"archived_recording_url\":\"https://sb/assets/t/a?sig=1\"");
	}

	@Test
	void originalNoLinksOrABodyThatIsNotJsonKeepTheBytes() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		assertThat(ArchivedLinksInPayload.apply(body, AssetLinkMode.ORIGINAL, LINKS)).isSameAs(body);
		assertThat(ArchivedLinksInPayload.apply(body, AssetLinkMode.ARCHIVED, Map.of())).isSameAs(body);
		byte[] text = "not json".getBytes(StandardCharsets.UTF_8);
		assertThat(ArchivedLinksInPayload.apply(text, AssetLinkMode.ARCHIVED, LINKS)).isSameAs(text);
	}

	private static String apply(AssetLinkMode mode, Map<String, String> links) {
		return new String(ArchivedLinksInPayload.apply(BODY.getBytes(StandardCharsets.UTF_8), mode, links),
				StandardCharsets.UTF_8);
	}

}
