package io.switchboard.core.destination;

import java.util.List;
import java.util.Map;

/**
 * A change to a destination; {@code null} leaves a setting as it is.
 *
 * @param name a new name
 * @param url a new URL
 * @param signatureStyle a new signature style
 * @param payloadFormat a new payload format
 * @param retryDelaysMs a new retry schedule
 * @param timeoutMs a new timeout
 * @param rateLimitPerSecond a new rate limit
 * @param clearRateLimit whether to remove the rate limit
 * @param maxInFlight a new concurrency limit
 * @param enabled on (its paused deliveries go on) or off (its waiting deliveries pause)
 * @param headers new static headers (replacing all), or {@code null}
 */
public record DestinationChange(String name, String url, String signatureStyle, String payloadFormat,
		List<Integer> retryDelaysMs, Integer timeoutMs, Integer rateLimitPerSecond, boolean clearRateLimit,
		Integer maxInFlight, Boolean enabled, Map<String, String> headers) {

}
