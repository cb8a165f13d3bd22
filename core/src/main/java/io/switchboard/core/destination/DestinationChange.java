package io.switchboard.core.destination;

import java.util.List;
import java.util.Map;

/**
 * A change to a destination; {@code null} leaves a setting as it is. Made with
 * {@link #builder()}, naming each setting that changes.
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
 * @param maxAgeSeconds a new max age of its deliveries
 * @param transform a new JSONata transformation; blank removes it
 * @param disableAfterSeconds a new time it may fail without a success before it is
 * switched off
 * @param assetLinks a new {@link AssetLinkMode} key
 */
public record DestinationChange(String name, String url, String signatureStyle, String payloadFormat,
		List<Integer> retryDelaysMs, Integer timeoutMs, Integer rateLimitPerSecond, boolean clearRateLimit,
		Integer maxInFlight, Boolean enabled, Map<String, String> headers, Integer maxAgeSeconds, String transform,
		Integer disableAfterSeconds, String assetLinks) {

	/**
	 * A change that changes nothing yet.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Names the settings a change sets.
	 */
	public static final class Builder {

		private String name;

		private String url;

		private String signatureStyle;

		private String payloadFormat;

		private List<Integer> retryDelaysMs;

		private Integer timeoutMs;

		private Integer rateLimitPerSecond;

		private boolean clearRateLimit;

		private Integer maxInFlight;

		private Boolean enabled;

		private Map<String, String> headers;

		private Integer maxAgeSeconds;

		private String transform;

		private Integer disableAfterSeconds;

		private String assetLinks;

		private Builder() {
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder url(String url) {
			this.url = url;
			return this;
		}

		public Builder signatureStyle(String signatureStyle) {
			this.signatureStyle = signatureStyle;
			return this;
		}

		public Builder payloadFormat(String payloadFormat) {
			this.payloadFormat = payloadFormat;
			return this;
		}

		public Builder retryDelaysMs(List<Integer> retryDelaysMs) {
			this.retryDelaysMs = retryDelaysMs;
			return this;
		}

		public Builder timeoutMs(Integer timeoutMs) {
			this.timeoutMs = timeoutMs;
			return this;
		}

		public Builder rateLimitPerSecond(Integer rateLimitPerSecond) {
			this.rateLimitPerSecond = rateLimitPerSecond;
			return this;
		}

		/**
		 * Removes the rate limit (when {@code true}).
		 * @param clear whether to remove it
		 * @return this builder
		 */
		public Builder clearRateLimit(boolean clear) {
			this.clearRateLimit = clear;
			return this;
		}

		public Builder maxInFlight(Integer maxInFlight) {
			this.maxInFlight = maxInFlight;
			return this;
		}

		public Builder enabled(Boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Replaces every static header ({@code null} keeps them, an empty map removes
		 * them).
		 * @param headers the new headers
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			this.headers = headers;
			return this;
		}

		public Builder maxAgeSeconds(Integer maxAgeSeconds) {
			this.maxAgeSeconds = maxAgeSeconds;
			return this;
		}

		/**
		 * Sets the transformation ({@code null} keeps it, blank removes it).
		 * @param transform a JSONata expression
		 * @return this builder
		 */
		public Builder transform(String transform) {
			this.transform = transform;
			return this;
		}

		public Builder disableAfterSeconds(Integer disableAfterSeconds) {
			this.disableAfterSeconds = disableAfterSeconds;
			return this;
		}

		/**
		 * Sets which asset links it receives.
		 * @param assetLinks {@code original}, {@code archived} or {@code both}
		 * @return this builder
		 */
		public Builder assetLinks(String assetLinks) {
			this.assetLinks = assetLinks;
			return this;
		}

		public DestinationChange build() {
			return new DestinationChange(this.name, this.url, this.signatureStyle, this.payloadFormat,
					this.retryDelaysMs, this.timeoutMs, this.rateLimitPerSecond, this.clearRateLimit, this.maxInFlight,
					this.enabled, this.headers, this.maxAgeSeconds, this.transform, this.disableAfterSeconds,
					this.assetLinks);
		}

	}

}
