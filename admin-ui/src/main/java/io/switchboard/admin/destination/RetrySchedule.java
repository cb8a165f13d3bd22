package io.switchboard.admin.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retry schedule as people write it: the waits before each further attempt, such as
 * {@code 5s, 5m, 30m, 2h}, in milliseconds for the destination.
 */
final class RetrySchedule {

	private static final Pattern WAIT = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|m|h)\\s*");

	private static final long MAX_MS = 86_400_000;

	private RetrySchedule() {
	}

	/**
	 * Reads a schedule.
	 * @param text waits separated by commas
	 * @return the waits in milliseconds
	 * @throws IllegalArgumentException with a message for people when it is not a
	 * schedule
	 */
	static List<Integer> parse(String text) {
		List<Integer> delays = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return delays;
		}
		for (String part : text.split(",")) {
			Matcher wait = WAIT.matcher(part);
			if (!wait.matches()) {
				throw new IllegalArgumentException(
						"Write waits such as 5s, 5m, 2h separated by commas; \"" + part.trim() + "\" is not one.");
			}
			long ms = Long.parseLong(wait.group(1)) * switch (wait.group(2)) {
				case "h" -> 3_600_000L;
				case "m" -> 60_000L;
				case "s" -> 1_000L;
				default -> 1L;
			};
			if (ms < 1 || ms > MAX_MS) {
				throw new IllegalArgumentException("Each wait is between 1ms and 24h.");
			}
			delays.add((int) ms);
		}
		if (delays.size() > 20) {
			throw new IllegalArgumentException("At most 20 retries.");
		}
		return delays;
	}

	static String format(List<Integer> delays) {
		return String.join(", ", delays.stream().map(RetrySchedule::format).toList());
	}

	private static String format(int ms) {
		if (ms % 3_600_000 == 0) {
			return (ms / 3_600_000) + "h";
		}
		if (ms % 60_000 == 0) {
			return (ms / 60_000) + "m";
		}
		if (ms % 1_000 == 0) {
			return (ms / 1_000) + "s";
		}
		return ms + "ms";
	}

}
