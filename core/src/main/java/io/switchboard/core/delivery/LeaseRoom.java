package io.switchboard.core.delivery;

import java.util.Map;
import java.util.Set;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;

/**
 * How much a worker can take on now, so that a lease takes no more than it can start at
 * once: its free slots, each tenant's share of them, and each destination's free places.
 *
 * @param total the most deliveries to lease
 * @param perTenant the most for a tenant not listed in {@code tenants}
 * @param tenants tenants with attempts in flight, and how many more each may have
 * @param destinations destinations the worker knows, and how many more attempts each
 * takes (others take as many as their {@code max_in_flight})
 * @param unavailable destinations to leave out (circuit open, rate limit used up)
 */
public record LeaseRoom(int total, int perTenant, Map<TenantId, Integer> tenants,
		Map<DestinationId, Integer> destinations, Set<DestinationId> unavailable) {

	/**
	 * Room for {@code total} deliveries of any tenant and destination, leaving out some
	 * destinations.
	 * @param total the most deliveries to lease
	 * @param unavailable destinations to leave out
	 * @return the room
	 */
	public static LeaseRoom of(int total, Set<DestinationId> unavailable) {
		return new LeaseRoom(total, total, Map.of(), Map.of(), unavailable);
	}

}
