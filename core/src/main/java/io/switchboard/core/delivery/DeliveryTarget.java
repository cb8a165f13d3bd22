package io.switchboard.core.delivery;

import java.util.List;
import java.util.Map;

/**
 * Where a delivery goes and how: the destination's settings as the attempt reads them,
 * its secrets and static headers opened.
 *
 * @param kind the destination's kind ({@code zapier}, {@code n8n}, …), or {@code null}
 * when not known (the metrics label it {@code unknown})
 * @param url the receiver's URL
 * @param signatureStyle how to sign ({@code standard-webhooks}, {@code minivoice}, …)
 * @param payloadFormat {@code original} or {@code normalized}
 * @param signingSecrets the active signing secrets, current first
 * @param customHeaders the destination's static headers, in clear
 * @param timeoutMillis how long to wait for the receiver's answer
 * @param maxInFlight the most attempts at once to the destination
 * @param rateLimitPerSecond the most attempts per second to the destination, or
 * {@code null}
 * @param retry when to try again, and for how long
 * @param transform the destination's JSONata transformation, or {@code null}
 * @param assetLinks which asset links it receives: {@code original}, {@code archived} or
 * {@code both}
 */
public record DeliveryTarget(String kind, String url, String signatureStyle, String payloadFormat,
		List<String> signingSecrets, Map<String, String> customHeaders, int timeoutMillis, int maxInFlight,
		Integer rateLimitPerSecond, RetryPolicy retry, String transform, String assetLinks) {

	public DeliveryTarget {
		assetLinks = (assetLinks != null) ? assetLinks : "original";
	}

	/**
	 * A target that receives the original asset links.
	 */
	public DeliveryTarget(String kind, String url, String signatureStyle, String payloadFormat,
			List<String> signingSecrets, Map<String, String> customHeaders, int timeoutMillis, int maxInFlight,
			Integer rateLimitPerSecond, RetryPolicy retry, String transform) {
		this(kind, url, signatureStyle, payloadFormat, signingSecrets, customHeaders, timeoutMillis, maxInFlight,
				rateLimitPerSecond, retry, transform, "original");
	}

	@Override
	public String toString() {
		return "DeliveryTarget[" + this.kind + "]";
	}

}
