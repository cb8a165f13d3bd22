package io.switchboard.worker.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.switchboard.core.id.TenantId;

/**
 * Each tenant's share of a worker's attempt slots: no tenant holds more than {@code cap}
 * of them, so a tenant whose receivers are slow (or whose backlog is huge) leaves room
 * for every other tenant.
 */
final class TenantSlots {

	private final int cap;

	private final Map<TenantId, Integer> held = new ConcurrentHashMap<>();

	/**
	 * Slots shared out by a cap.
	 * @param slots the worker's slots
	 * @param share the most a tenant may hold, as a share of {@code slots} (0 to 1)
	 */
	TenantSlots(int slots, double share) {
		this.cap = Math.max(1, (int) Math.ceil(slots * share));
	}

	/**
	 * The most slots one tenant may hold.
	 * @return the cap
	 */
	int cap() {
		return this.cap;
	}

	void take(TenantId tenant) {
		this.held.merge(tenant, 1, Integer::sum);
	}

	void give(TenantId tenant) {
		this.held.computeIfPresent(tenant, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/**
	 * How many more slots each tenant that holds some may take (never below zero); others
	 * may take {@link #cap()}.
	 * @return the room of tenants holding slots
	 */
	Map<TenantId, Integer> room() {
		return this.held.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Math.max(0, this.cap - entry.getValue())));
	}

}
