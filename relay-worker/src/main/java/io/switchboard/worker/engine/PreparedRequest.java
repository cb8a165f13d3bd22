package io.switchboard.worker.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.EventPayload;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.destination.CustomHeaders;
import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.worker.signing.OutboundSigner;

/**
 * The request an attempt sends: the original bytes and content type, or the normalized
 * call event, re-signed with the destination's secrets. {@code webhook-id} is the event
 * id, the same on every retry, so receivers can deduplicate.
 *
 * @param headers the headers to send
 * @param body the body to send
 */
record PreparedRequest(Map<String, String> headers, byte[] body) {

	static PreparedRequest of(LeasedDelivery delivery, String userAgent, Instant now) {
		EventPayload payload = delivery.payload();
		DeliveryTarget target = delivery.target();
		boolean normalized = "normalized".equals(target.payloadFormat());
		byte[] body = normalized ? NormalizedCallEvent.render(payload.provider(), payload.eventId().toString(),
				payload.receivedAt(), payload.test(), payload.body()) : payload.body();
		String contentType = (normalized || payload.contentType() == null) ? "application/json" : payload.contentType();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		headers.put("User-Agent", userAgent);
		// the destination's own headers may replace these two, never the signature's
		target.customHeaders().forEach((name, value) -> {
			if (!CustomHeaders.isReserved(name)) {
				headers.keySet().removeIf((existing) -> existing.equalsIgnoreCase(name));
				headers.put(name, value);
			}
		});
		headers.putAll(OutboundSigner.sign(SignatureStyle.of(target.signatureStyle()), payload.eventId().toString(),
				now, body, target.signingSecrets()));
		return new PreparedRequest(headers, body);
	}

}
