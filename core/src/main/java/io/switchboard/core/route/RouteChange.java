package io.switchboard.core.route;

import java.util.List;

/**
 * A change to a route; {@code null} leaves a setting as it is. Its source and destination
 * stay: for another pair, make another route.
 *
 * @param eventTypes new patterns
 * @param ordering {@code none} or {@code per-call}
 * @param enabled whether it forwards events
 */
public record RouteChange(List<String> eventTypes, String ordering, Boolean enabled) {

}
