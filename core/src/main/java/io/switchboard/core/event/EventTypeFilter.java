package io.switchboard.core.event;

import java.util.List;

/**
 * Which event types a route carries: {@code *} (all, including events without a type),
 * {@code call.*} (every type that starts with {@code call.}) or an exact type such as
 * {@code call.completed}.
 */
public final class EventTypeFilter {

	private EventTypeFilter() {
	}

	/**
	 * Whether any of the patterns lets the event type through.
	 * @param patterns the route's patterns
	 * @param eventType the event's type, or {@code null}
	 * @return true if the route carries it
	 */
	public static boolean matches(List<String> patterns, String eventType) {
		return patterns.stream().anyMatch((pattern) -> matches(pattern, eventType));
	}

	static boolean matches(String pattern, String eventType) {
		if (pattern.equals("*")) {
			return true;
		}
		if (eventType == null) {
			return false;
		}
		if (pattern.endsWith(".*")) {
			return eventType.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(eventType);
	}

	/**
	 * Whether a pattern is one of the three accepted shapes.
	 * @param pattern the pattern
	 * @return true if valid
	 */
	public static boolean isValid(String pattern) {
		return pattern != null && pattern.matches("\\*|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(\\.\\*)?");
	}

}
