package io.switchboard.core.destination;

import java.util.List;
import java.util.TreeSet;

/**
 * A destination as the audit log keeps it, whichever face changed it: every setting,
 * header names without their values, never the signing secret.
 *
 * @param id the id
 * @param name its name
 * @param kind its kind
 * @param url the receiver's URL
 * @param enabled whether it receives deliveries
 * @param disabledReason why it is off, if it is
 * @param signatureStyle how requests are signed
 * @param payloadFormat the body it receives
 * @param retryDelaysMs the retry schedule
 * @param timeoutMs the timeout
 * @param rateLimitPerSecond the rate limit, or {@code null}
 * @param maxInFlight the concurrency limit
 * @param headers the static headers' names
 * @param maxAgeSeconds how long a delivery is tried
 * @param transform the JSONata transformation, or {@code null}
 * @param disableAfterSeconds how long it may fail without a success before it is switched
 * off
 * @param assetLinks which asset links it receives
 */
public record DestinationSnapshot(String id, String name, String kind, String url, boolean enabled,
		String disabledReason, String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs, int timeoutMs,
		Integer rateLimitPerSecond, int maxInFlight, List<String> headers, int maxAgeSeconds, String transform,
		int disableAfterSeconds, String assetLinks) {

	static DestinationSnapshot of(Destination destination) {
		DestinationSettings settings = destination.settings();
		return new DestinationSnapshot(destination.id().toString(), destination.name(), destination.kind().key(),
				destination.url(), destination.enabled(), destination.disabledReason(), settings.signatureStyle(),
				settings.payloadFormat(), settings.retryDelaysMs(), settings.timeoutMs(), settings.rateLimitPerSecond(),
				settings.maxInFlight(), List.copyOf(new TreeSet<>(destination.headers().keySet())),
				settings.maxAgeSeconds(), destination.transform(), settings.disableAfterSeconds(),
				destination.assetLinks());
	}

}
