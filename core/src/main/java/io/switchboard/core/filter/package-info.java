/**
 * Route filters: a JSON rule over an event's body, headers or normalized call event, such
 * as {@code {"call.direction": "inbound", "call.duration_seconds": {"$gte": 30}}}, parsed
 * once ({@link RouteFilter#parse}) and evaluated per event with no backtracking regex and
 * no unbounded work.
 */
package io.switchboard.core.filter;
