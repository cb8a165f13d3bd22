package io.switchboard.admin.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.core.destination.DestinationRules;

/**
 * A retry schedule as people write it in the portal: the waits before each further
 * attempt, such as {@code 5s, 5m, 30m, 2h}, read into milliseconds and checked by the
 * destination rules.
 */
final class WaitList {

	private static final Pattern WAIT = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|m|h)\\s*");

	private WaitList() {
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
			delays.add((int) Math.min(ms, Integer.MAX_VALUE));
		}
		DestinationRules.retryDelaysProblem(delays).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
		return delays;
	}

	static String format(List<Integer> delays) {
		return String.join(", ", delays.stream().map(WaitList::format).toList());
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
