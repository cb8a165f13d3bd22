package io.switchboard.core.route;

import java.util.Map;

/**
 * What to try a route's filter on: a payload someone pastes, or one of the events the
 * route's source received; optionally another rule than the route's own, to try it before
 * saving it.
 *
 * @param filter a rule as JSON text, or {@code null} for the route's own
 * @param payload a body as JSON text, or {@code null}
 * @param headers request headers to go with the payload, or {@code null}
 * @param eventId a stored event ({@code evt_…}), or {@code null}
 */
public record FilterTrial(String filter, String payload, Map<String, String> headers, String eventId) {

}
