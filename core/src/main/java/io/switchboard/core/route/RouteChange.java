package io.switchboard.core.route;

import java.util.List;

/**
 * A change to a route; {@code null} leaves a setting as it is. Its source and destination
 * stay: for another pair, make another route.
 *
 * @param eventTypes new patterns
 * @param ordering {@code none} or {@code per-call}
 * @param enabled whether it forwards events
 * @param filter a new rule on the payload as JSON text; blank or {@code {}} removes it
 */
public record RouteChange(List<String> eventTypes, String ordering, Boolean enabled, String filter) {

}
