package io.switchboard.core.route;

import java.util.List;
import java.util.Set;

import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.input.InputErrors;

/**
 * What a route's settings may be, for the API and the portal alike.
 */
public final class RouteRules {

	/** The most patterns on one route. */
	public static final int MAX_EVENT_TYPES = 50;

	/** What every route forwards unless told otherwise. */
	public static final List<String> EVERY_TYPE = List.of("*");

	/** The orderings a route may keep. */
	public static final Set<String> ORDERINGS = Set.of("none", "per-call");

	private RouteRules() {
	}

	static void eventTypes(List<String> eventTypes, InputErrors errors) {
		if (eventTypes.isEmpty() || eventTypes.size() > MAX_EVENT_TYPES) {
			errors.add("eventTypes", "Name 1 to " + MAX_EVENT_TYPES
					+ " event types, such as *, call.* or call.completed, separated by commas.");
			return;
		}
		eventTypes.stream()
			.filter((pattern) -> pattern == null || !EventTypeFilter.isValid(pattern))
			.findFirst()
			.ifPresent((pattern) -> errors.add("eventTypes",
					"Write event types such as *, call.* or call.completed; \"" + pattern + "\" is not one."));
	}

	/**
	 * Reads a filter.
	 * @param text the rule as JSON text; blank or {@code {}} for none
	 * @param errors where a problem is noted
	 * @return the filter, or {@code null} for none or when refused
	 */
	static RouteFilter filter(String text, InputErrors errors) {
		if (noFilter(text)) {
			return null;
		}
		return errors.read("filter", () -> RouteFilter.parse(text));
	}

	/**
	 * Whether a filter's text means no filter.
	 * @param text the text
	 * @return {@code true} for blank or an empty rule
	 */
	static boolean noFilter(String text) {
		return text == null || text.isBlank() || text.replaceAll("\\s", "").equals("{}");
	}

	static void ordering(String ordering, InputErrors errors) {
		errors.require(ORDERINGS.contains(ordering), "ordering", "Pick an ordering: none or per-call.");
	}

}
