package io.switchboard.core.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 date-time with an offset ({@code 2026-03-01T12:00:05.123Z},
 * {@code …+02:00}), as {@link OffsetDateTime#parse} does, with the shape every provider
 * sends read directly: the formatter's general parser was a visible share of the inbound
 * path's CPU (profile in docs/BENCHMARKS.md). Anything else goes to the general parser,
 * so both accept exactly the same texts.
 */
final class IsoTime {

	private IsoTime() {
	}

	/**
	 * Reads a time.
	 * @param text the text
	 * @return the instant, or {@code null} when it is not such a time
	 */
	static Instant parse(String text) {
		Instant quick = quick(text);
		if (quick != null) {
			return quick;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z}
	 * or {@code ±HH:mm}; {@code null} for anything else, invalid dates included (the
	 * general parser then decides).
	 */
	private static Instant quick(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int position = 19;
		int nanos = 0;
		if (text.charAt(position) == '.') {
			int start = ++position;
			while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
				nanos = nanos * 10 + (text.charAt(position) - '0');
				position++;
			}
			int fractionDigits = position - start;
			if (fractionDigits == 0) {
				return null;
			}
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(text, position);
		if (offset == null) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day).atTime(LocalTime.of(hour, minute, second, nanos)).toInstant(offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static ZoneOffset offset(String text, int position) {
		int remaining = text.length() - position;
		if (remaining == 1 && text.charAt(position) == 'Z') {
			return ZoneOffset.UTC;
		}
		if (remaining != 6 || text.charAt(position + 3) != ':') {
			return null;
		}
		char sign = text.charAt(position);
		int hours = digits(text, position + 1, position + 3);
		int minutes = digits(text, position + 4, position + 6);
		if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
			return null;
		}
		try {
			return (sign == '+') ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The number written by the digits in [from, to), or -1 when one is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
