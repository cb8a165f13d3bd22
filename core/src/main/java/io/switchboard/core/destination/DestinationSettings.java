package io.switchboard.core.destination;

import java.util.List;

/**
 * How Switchboard sends to a destination; every default is visible and editable.
 *
 * @param signatureStyle {@code standard-webhooks}, {@code minivoice}, {@code minari} or
 * {@code none}
 * @param payloadFormat {@code original} (the provider's bytes) or {@code normalized}
 * @param retryDelaysMs the waits before the 2nd, 3rd, … attempt, in milliseconds
 * @param timeoutMs how long to wait for the receiver's answer
 * @param rateLimitPerSecond the most requests per second, or {@code null} for no limit
 * @param maxInFlight the most requests at once
 * @param maxAgeSeconds how long a delivery is tried, from the start of its attempt
 * series: one older goes dead ({@code max-age-exceeded}); from
 * {@value #MIN_MAX_AGE_SECONDS} to {@value #MAX_MAX_AGE_SECONDS}
 * @param disableAfterSeconds how long it may fail without a single success before
 * Switchboard switches it off (its waiting deliveries paused, not dead); from
 * {@value #MIN_DISABLE_AFTER_SECONDS} to {@value #MAX_DISABLE_AFTER_SECONDS}
 */
public record DestinationSettings(String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs,
		int timeoutMs, Integer rateLimitPerSecond, int maxInFlight, int maxAgeSeconds, int disableAfterSeconds) {

	/** Five days. */
	public static final int DEFAULT_DISABLE_AFTER_SECONDS = 432_000;

	/** The shortest time before a failing destination is switched off: one hour. */
	public static final int MIN_DISABLE_AFTER_SECONDS = 3_600;

	/** The longest time before a failing destination is switched off: 30 days. */
	public static final int MAX_DISABLE_AFTER_SECONDS = 2_592_000;

	/** Three days: the default retry schedule spans about one. */
	public static final int DEFAULT_MAX_AGE_SECONDS = 259_200;

	/** The shortest max age: one minute. */
	public static final int MIN_MAX_AGE_SECONDS = 60;

	/** The longest max age: 30 days. */
	public static final int MAX_MAX_AGE_SECONDS = 2_592_000;

	/** About a day in all: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
	public static final List<Integer> DEFAULT_RETRY_DELAYS_MS = List.of(5_000, 300_000, 1_800_000, 7_200_000,
			18_000_000, 36_000_000, 36_000_000);

	/**
	 * The defaults for a kind of receiver: Zapier and Make hooks take fewer than 30
	 * requests a second, so they are limited to 25.
	 * @param kind the kind
	 * @return the defaults
	 */
	public static DestinationSettings defaults(DestinationKind kind) {
		Integer rateLimit = (kind == DestinationKind.ZAPIER || kind == DestinationKind.MAKE) ? 25 : null;
		return new DestinationSettings("standard-webhooks", "original", DEFAULT_RETRY_DELAYS_MS, 10_000, rateLimit, 10);
	}

	/**
	 * Settings that switch the destination off after the default five days of failure.
	 * @param signatureStyle how to sign
	 * @param payloadFormat {@code original} or {@code normalized}
	 * @param retryDelaysMs the waits before the 2nd, 3rd, … attempt, in milliseconds
	 * @param timeoutMs how long to wait for the receiver's answer
	 * @param rateLimitPerSecond the most requests per second, or {@code null}
	 * @param maxInFlight the most requests at once
	 * @param maxAgeSeconds how long a delivery is tried
	 */
	public DestinationSettings(String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs, int timeoutMs,
			Integer rateLimitPerSecond, int maxInFlight, int maxAgeSeconds) {
		this(signatureStyle, payloadFormat, retryDelaysMs, timeoutMs, rateLimitPerSecond, maxInFlight, maxAgeSeconds,
				DEFAULT_DISABLE_AFTER_SECONDS);
	}

	/**
	 * Settings with the default max age ({@value #DEFAULT_MAX_AGE_SECONDS} s).
	 * @param signatureStyle how to sign
	 * @param payloadFormat {@code original} or {@code normalized}
	 * @param retryDelaysMs the waits before the 2nd, 3rd, … attempt, in milliseconds
	 * @param timeoutMs how long to wait for the receiver's answer
	 * @param rateLimitPerSecond the most requests per second, or {@code null}
	 * @param maxInFlight the most requests at once
	 */
	public DestinationSettings(String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs, int timeoutMs,
			Integer rateLimitPerSecond, int maxInFlight) {
		this(signatureStyle, payloadFormat, retryDelaysMs, timeoutMs, rateLimitPerSecond, maxInFlight,
				DEFAULT_MAX_AGE_SECONDS);
	}

}
