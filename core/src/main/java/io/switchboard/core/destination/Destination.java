package io.switchboard.core.destination;

import java.time.Instant;
import java.util.Map;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;

/**
 * Where a tenant's events are relayed to.
 *
 * @param tenantId the owner
 * @param id the id
 * @param name its name
 * @param kind the kind of receiver
 * @param url the receiver's URL
 * @param signingSecret the secret Switchboard signs with ({@code whsec_…}), in clear
 * @param settings how Switchboard sends to it
 * @param headers the static headers it adds, in clear
 * @param enabled whether deliveries go out
 * @param disabledReason why it was switched off, or {@code null}
 * @param createdAt when it was created
 * @param circuit its circuit breaker as workers last reported it
 * @param transform its JSONata transformation, or {@code null} for none
 * @param assetLinks which asset links it receives: {@code original}, {@code archived} or
 * {@code both}
 */
public record Destination(TenantId tenantId, DestinationId id, String name, DestinationKind kind, String url,
		String signingSecret, DestinationSettings settings, Map<String, String> headers, boolean enabled,
		String disabledReason, Instant createdAt, DestinationCircuit circuit, String transform, String assetLinks) {

	@Override
	public String toString() {
		return "Destination[" + this.id + " of " + this.tenantId + ", " + this.kind.key() + ", '" + this.name + "']";
	}

}
