package io.switchboard.worker.retry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	// The example date of RFC 9110, section 5.6.7, one minute before it.
	private static final Instant NOW = Instant.parse("1994-11-06T08:48:37Z");

	@Test
	void deltaSecondsAreRead() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse(" 30 ", NOW)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("007", NOW)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void hugeDeltaSecondsAreBoundedRatherThanIgnored() {
		assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofSeconds(2_147_483_648L));
	}

	@Test
	void imfFixdateIsReadRelativeToNow() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void obsoleteRfc850DateIsRead() {
		assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void asctimeDateIsRead() {
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void pastDateMeansNoWait() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:47:37 GMT", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:48:37 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "soon", "-5", "1.5", "+30", "12abc", "Sun, 06 Nov 1994", "2026-05-29T12:10:00Z",
			"Mon, 06 Nov 1994 08:49:37 GMT" })
	void absentOrUnreadableHeaderIsIgnored(String header) {
		assertThat(RetryAfter.parse(header, NOW)).isNull();
	}

}
