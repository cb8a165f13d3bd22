package io.switchboard.worker.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a receiver's {@code Retry-After} header (RFC 9110, section 10.2.3).
 */
public final class RetryAfter {

	/**
	 * The most delta-seconds read; longer is read as this, as RFC 9111 does for ages.
	 */
	private static final long MAX_SECONDS = 2_147_483_648L;

	/**
	 * The three HTTP-date formats a recipient must accept: IMF-fixdate (which the RFC
	 * 1123 formatter reads), the obsolete RFC 850 form with a two-digit year, and
	 * asctime.
	 */
	private static final List<DateTimeFormatter> HTTP_DATES = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
			new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
				.appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
				.appendPattern(" HH:mm:ss 'GMT'")
				.toFormatter(Locale.US)
				.withZone(ZoneOffset.UTC),
			DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

	private RetryAfter() {
	}

	/**
	 * How long a receiver asks to be left alone.
	 * @param header the header's value: delta-seconds, or an HTTP-date; or {@code null}
	 * @param now the time the answer arrived
	 * @return the wait; {@link Duration#ZERO} for a date already past; {@code null} when
	 * the header is absent, negative or not readable
	 */
	public static Duration parse(String header, Instant now) {
		Objects.requireNonNull(now, "now");
		if (header == null) {
			return null;
		}
		String value = header.strip();
		if (!value.isEmpty() && value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Duration.ofSeconds(seconds(value));
		}
		Instant date = httpDate(value);
		if (date == null) {
			return null;
		}
		return date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO;
	}

	private static long seconds(String digits) {
		String significant = digits.replaceFirst("^0+(?=.)", "");
		return (significant.length() > 10) ? MAX_SECONDS : Math.min(Long.parseLong(significant), MAX_SECONDS);
	}

	private static Instant httpDate(String value) {
		for (DateTimeFormatter format : HTTP_DATES) {
			try {
				return format.parse(value, Instant::from);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return null;
	}

}
