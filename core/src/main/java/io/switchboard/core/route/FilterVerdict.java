package io.switchboard.core.route;

import tools.jackson.databind.JsonNode;

/**
 * What a route would do with an event.
 *
 * @param matches whether it would make a delivery: the event type is carried and the
 * filter passes
 * @param eventTypeCarried whether the route's event types include the event's type
 * @param filterPasses whether the filter passes (true with no filter)
 * @param eventType the event's type, as read from the payload
 * @param filter the rule tried, or {@code null} for none
 */
public record FilterVerdict(boolean matches, boolean eventTypeCarried, boolean filterPasses, String eventType,
		JsonNode filter) {

}
