package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;

/**
 * A delivery a worker holds, with all it needs to make the attempt.
 *
 * @param tenantId the owner
 * @param id the delivery
 * @param eventId the event it carries
 * @param destinationId where it goes
 * @param leaseOwner the lease it is held under
 * @param attemptCount attempts made so far
 * @param series the attempt series (a replay starts a new one)
 * @param seriesTrigger {@code scheduled}, or {@code manual} for a replayed series
 * @param provider who sent the event
 * @param eventType the event's type
 * @param test whether the event is a test event
 * @param receivedAt when the event arrived
 * @param contentType the event's content type
 * @param body the event's raw bytes
 * @param url the destination's URL
 * @param signatureStyle how to sign ({@code standard-webhooks}, {@code minivoice}, …)
 * @param payloadFormat {@code original} or {@code normalized}
 * @param signingSecrets the active signing secrets, current first
 * @param timeoutMillis the destination's timeout
 * @param retryDelaysMillis the waits before the 2nd, 3rd, … attempt
 * @param maxInFlight the most attempts at once to the destination
 * @param rateLimitPerSecond the most attempts per second to the destination, or
 * {@code null}
 * @param customHeaders the destination's static headers, in clear
 * @param destinationKind the destination's kind ({@code zapier}, {@code n8n}, …)
 */
public record LeasedDelivery(TenantId tenantId, DeliveryId id, EventId eventId, DestinationId destinationId,
		String leaseOwner, int attemptCount, int series, String seriesTrigger, String provider, String eventType,
		boolean test, Instant receivedAt, String contentType, byte[] body, String url, String signatureStyle,
		String payloadFormat, List<String> signingSecrets, int timeoutMillis, List<Integer> retryDelaysMillis,
		int maxInFlight, Integer rateLimitPerSecond, Map<String, String> customHeaders, String destinationKind) {

	/**
	 * A delivery whose destination kind is not known (the metrics label it
	 * {@code unknown}).
	 */
	public LeasedDelivery(TenantId tenantId, DeliveryId id, EventId eventId, DestinationId destinationId,
			String leaseOwner, int attemptCount, int series, String seriesTrigger, String provider, String eventType,
			boolean test, Instant receivedAt, String contentType, byte[] body, String url, String signatureStyle,
			String payloadFormat, List<String> signingSecrets, int timeoutMillis, List<Integer> retryDelaysMillis,
			int maxInFlight, Integer rateLimitPerSecond, Map<String, String> customHeaders) {
		this(tenantId, id, eventId, destinationId, leaseOwner, attemptCount, series, seriesTrigger, provider, eventType,
				test, receivedAt, contentType, body, url, signatureStyle, payloadFormat, signingSecrets, timeoutMillis,
				retryDelaysMillis, maxInFlight, rateLimitPerSecond, customHeaders, null);
	}

	@Override
	public String toString() {
		return "LeasedDelivery[" + this.id + " of " + this.tenantId + " to " + this.destinationId + "]";
	}

}
