package io.switchboard.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTests {

	@Test
	void readsTheShapesProvidersSend() {
		assertThat(IsoTime.parse("2026-03-01T12:00:05Z")).isEqualTo(Instant.parse("2026-03-01T12:00:05Z"));
		assertThat(IsoTime.parse("2026-03-01T12:00:05.123Z")).isEqualTo(Instant.parse("2026-03-01T12:00:05.123Z"));
		assertThat(IsoTime.parse("2026-03-01T12:00:05.123456789Z"))
			.isEqualTo(Instant.parse("2026-03-01T12:00:05.123456789Z"));
		assertThat(IsoTime.parse("2026-03-01T14:00:05+02:00")).isEqualTo(Instant.parse("2026-03-01T12:00:05Z"));
		assertThat(IsoTime.parse("2026-03-01T06:30:05.5-05:30")).isEqualTo(Instant.parse("2026-03-01T12:00:05.500Z"));
		assertThat(IsoTime.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
	}

	@Test
	void refusesWhatTheIsoParserRefuses() {
		for (String text : List.of("2026-02-30T12:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
				"2026-03-01T24:00:00Z", "2026-03-01T12:60:00Z", "2026-03-01T12:00:60Z", "2026-03-01T12:00:00+19:00",
				"2026-03-01T12:00:00+01:60", "2026-03-01T12:00:00", "2026-03-01 12:00:00Z",
				"2026-03-01T12:00:00.1234567891Z", "2026-03-01T12:00:00ZZ", "2026-03-01T12:00:00+0100", "yesterday", "",
				"2026-3-01T12:00:00Z", "２０２６-03-01T12:00:00Z")) {
			assertThat(IsoTime.parse(text)).as(text).isEqualTo(reference(text)).isNull();
		}
	}

	@Test
	void leavesOtherValidShapesToTheIsoParser() {
		for (String text : List.of("2026-03-01T12:00Z", "2026-03-01t12:00:00z", "2026-03-01T12:00:00+01:00:30",
				"+12026-03-01T12:00:00Z", "2026-03-01T12:00:00-00:00", "2026-03-01T12:00:00.Z")) {
			assertThat(IsoTime.parse(text)).as(text).isEqualTo(reference(text)).isNotNull();
		}
	}

	@Test
	void agreesWithTheIsoParserOnManyNearlyValidTexts() {
		Random random = new Random(42);
		String alphabet = "0123456789-:T.Z+ ";
		for (int i = 0; i < 200_000; i++) {
			char[] text = "2026-03-01T12:00:05.123+02:00".toCharArray();
			int length = 20 + random.nextInt(text.length - 19);
			for (int changes = random.nextInt(3); changes > 0; changes--) {
				text[random.nextInt(length)] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			String candidate = new String(text, 0, length);
			assertThat(IsoTime.parse(candidate)).as(candidate).isEqualTo(reference(candidate));
		}
	}

	private static Instant reference(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
