package io.switchboard.worker.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.asset.ArchivedLinksInPayload;
import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.EventPayload;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.destination.CustomHeaders;
import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.transform.PayloadTransform;
import io.switchboard.core.transform.TransformFailed;
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

	/**
	 * The request an attempt sends.
	 * @param delivery the leased delivery
	 * @param userAgent the User-Agent header
	 * @param now the time the signature states
	 * @return the request
	 * @throws TransformFailed when the destination's transformation cannot make a body
	 * for the event
	 */
	static PreparedRequest of(LeasedDelivery delivery, String userAgent, Instant now) {
		return of(delivery, userAgent, now, DeliveryAssets.Resolved.NONE);
	}

	/**
	 * The request an attempt sends, with archived asset links where the destination wants
	 * them (in the provider's payload, so the normalized event and a transformation see
	 * them too).
	 * @param delivery the leased delivery
	 * @param userAgent the User-Agent header
	 * @param now the time the signature states
	 * @param assets the archived links to put in
	 * @return the request
	 */
	static PreparedRequest of(LeasedDelivery delivery, String userAgent, Instant now, DeliveryAssets.Resolved assets) {
		EventPayload payload = delivery.payload();
		DeliveryTarget target = delivery.target();
		boolean normalized = "normalized".equals(target.payloadFormat());
		byte[] original = ArchivedLinksInPayload.apply(payload.body(), assets.mode(), assets.links());
		byte[] event = normalized ? NormalizedCallEvent.render(payload.provider(), payload.eventId().toString(),
				payload.receivedAt(), payload.test(), original) : original;
		boolean transformed = target.transform() != null;
		// the signature covers the bytes sent: the transformed ones, when there is a
		// transformation
		byte[] body = transformed ? PayloadTransform.compile(target.transform()).apply(event) : event;
		String contentType = (normalized || transformed || payload.contentType() == null) ? "application/json"
				: payload.contentType();
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
