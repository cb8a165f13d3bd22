package io.switchboard.core.route;

import java.util.List;

import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * Connects a source to a destination for some event types.
 *
 * @param tenantId the owner
 * @param id the id
 * @param sourceId where events come from
 * @param destinationId where they go
 * @param eventTypes the event type patterns carried ({@code *}, {@code call.*},
 * {@code call.completed})
 * @param ordering {@code none}, or {@code per-call} to deliver a call's events in order
 * @param enabled whether the route makes deliveries
 * @param filter the rule an event's payload must pass, or {@code null} for none
 * @param filteredCount how many events of its types the filter has held back
 */
public record Route(TenantId tenantId, RouteId id, SourceId sourceId, DestinationId destinationId,
		List<String> eventTypes, String ordering, boolean enabled, RouteFilter filter, long filteredCount) {

}
