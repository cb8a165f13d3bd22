package io.switchboard.core.route;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A route as the audit log keeps it, whichever face changed it.
 *
 * @param id the id
 * @param sourceId where events come from
 * @param destinationId where they go
 * @param eventTypes the patterns it forwards
 * @param ordering {@code none} or {@code per-call}
 * @param enabled whether it forwards events
 * @param filter the rule on the payload, or {@code null}
 */
public record RouteSnapshot(String id, String sourceId, String destinationId, List<String> eventTypes, String ordering,
		boolean enabled, JsonNode filter) {

	static RouteSnapshot of(Route route) {
		return new RouteSnapshot(route.id().toString(), route.sourceId().toString(), route.destinationId().toString(),
				route.eventTypes(), route.ordering(), route.enabled(),
				(route.filter() != null) ? route.filter().json() : null);
	}

}
