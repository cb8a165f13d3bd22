package io.switchboard.core.delivery;

import java.time.Instant;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;

/**
 * A delivery a worker holds, with all it needs to make the attempt, in three parts: the
 * attempt it is for, the payload it carries, the target it goes to.
 *
 * @param tenantId the owner
 * @param id the delivery ({@code null} for a test send, which belongs to no delivery)
 * @param destinationId where it goes
 * @param attempt the lease and where the attempt stands in its series
 * @param payload the event it carries
 * @param target the destination's settings, secrets and headers
 */
public record LeasedDelivery(TenantId tenantId, DeliveryId id, DestinationId destinationId, LeasedAttempt attempt,
		EventPayload payload, DeliveryTarget target) {

	/**
	 * When the delivery outlives its destination's max age: no attempt starts after it.
	 * @return the start of its attempt series plus the max age
	 */
	public Instant deadline() {
		return this.attempt.seriesStartedAt().plus(this.target.retry().maxAge());
	}

	/**
	 * Whether the delivery is older than its destination's max age.
	 * @param now the time to judge at
	 * @return whether {@code now} is past its {@link #deadline()}
	 */
	public boolean outlived(Instant now) {
		return now.isAfter(deadline());
	}

	@Override
	public String toString() {
		return "LeasedDelivery[" + this.id + " of " + this.tenantId + " to " + this.destinationId + "]";
	}

}
