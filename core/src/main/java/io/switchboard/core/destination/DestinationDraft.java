package io.switchboard.core.destination;

import java.util.List;
import java.util.Map;

/**
 * A new destination as someone asked for it, not yet checked; {@code null} settings take
 * the kind's defaults.
 *
 * @param name what people call it
 * @param kind {@code zapier}, {@code n8n}, {@code make} or {@code custom}
 * @param url the receiver's URL
 * @param signatureStyle a {@link SignatureStyle} key
 * @param payloadFormat a {@link PayloadFormat} key
 * @param retryDelaysMs the waits before each further attempt
 * @param timeoutMs how long to wait for an answer
 * @param rateLimitPerSecond the most requests a second
 * @param maxInFlight the most requests at once
 * @param headers static headers sent with every request
 * @param maxAgeSeconds how long a delivery is tried before it goes dead
 * @param transform a JSONata expression mapping the event to the body sent, or
 * {@code null}
 * @param disableAfterSeconds how long it may fail without a success before it is switched
 * off
 * @param assetLinks an {@link AssetLinkMode} key, or {@code null} for {@code original}
 */
public record DestinationDraft(String name, String kind, String url, String signatureStyle, String payloadFormat,
		List<Integer> retryDelaysMs, Integer timeoutMs, Integer rateLimitPerSecond, Integer maxInFlight,
		Map<String, String> headers, Integer maxAgeSeconds, String transform, Integer disableAfterSeconds,
		String assetLinks) {

	/**
	 * A draft with the default time before it is switched off that receives the original
	 * asset links.
	 */
	public DestinationDraft(String name, String kind, String url, String signatureStyle, String payloadFormat,
			List<Integer> retryDelaysMs, Integer timeoutMs, Integer rateLimitPerSecond, Integer maxInFlight,
			Map<String, String> headers, Integer maxAgeSeconds, String transform) {
		this(name, kind, url, signatureStyle, payloadFormat, retryDelaysMs, timeoutMs, rateLimitPerSecond, maxInFlight,
				headers, maxAgeSeconds, transform, null, null);
	}

	@Override
	public String toString() {
		return "DestinationDraft[" + this.kind + ", " + this.name + "]";
	}

}
