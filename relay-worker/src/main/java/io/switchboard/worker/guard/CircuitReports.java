package io.switchboard.worker.guard;

import java.time.Instant;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;

/**
 * Told of every circuit transition, so the state can be shown outside the worker.
 */
@FunctionalInterface
public interface CircuitReports {

	/** Reports nothing. */
	CircuitReports NONE = (tenantId, destinationId, state, at) -> {
	};

	/**
	 * A destination's circuit changed state.
	 * @param tenantId the owner
	 * @param destinationId the destination
	 * @param state {@code closed}, {@code open} or {@code half-open}
	 * @param at when
	 */
	void changed(TenantId tenantId, DestinationId destinationId, String state, Instant at);

}
