package io.switchboard.core.source;

import java.util.List;

/**
 * A change to a source's settings; {@code null} leaves a setting as it is. Made with
 * {@link #builder()}, naming each setting that changes.
 *
 * @param name a new name
 * @param enabled whether it accepts events
 * @param timestampToleranceSeconds a new tolerance for signed timestamps
 * @param maxBodyBytes a new body size limit
 * @param rateLimitPerSecond a new rate limit
 * @param clearRateLimit whether to go back to the installation's default rate limit
 * @param archiveAssets whether to archive the files its payloads link to
 * @param assetFields the JSON pointers of the fields holding those links
 */
public record SourceChange(String name, Boolean enabled, Integer timestampToleranceSeconds, Integer maxBodyBytes,
		Integer rateLimitPerSecond, boolean clearRateLimit, Boolean archiveAssets, List<String> assetFields) {

	/**
	 * A change that leaves asset archiving as it is.
	 */
	public SourceChange(String name, Boolean enabled, Integer timestampToleranceSeconds, Integer maxBodyBytes,
			Integer rateLimitPerSecond, boolean clearRateLimit) {
		this(name, enabled, timestampToleranceSeconds, maxBodyBytes, rateLimitPerSecond, clearRateLimit, null, null);
	}

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

		private Boolean enabled;

		private Integer timestampToleranceSeconds;

		private Integer maxBodyBytes;

		private Integer rateLimitPerSecond;

		private boolean clearRateLimit;

		private Boolean archiveAssets;

		private List<String> assetFields;

		private Builder() {
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder enabled(Boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		public Builder timestampToleranceSeconds(Integer seconds) {
			this.timestampToleranceSeconds = seconds;
			return this;
		}

		public Builder maxBodyBytes(Integer maxBodyBytes) {
			this.maxBodyBytes = maxBodyBytes;
			return this;
		}

		public Builder rateLimitPerSecond(Integer rateLimitPerSecond) {
			this.rateLimitPerSecond = rateLimitPerSecond;
			return this;
		}

		/**
		 * Goes back to the installation's default rate limit (when {@code true}).
		 * @param clear whether to
		 * @return this builder
		 */
		public Builder clearRateLimit(boolean clear) {
			this.clearRateLimit = clear;
			return this;
		}

		public Builder archiveAssets(Boolean archiveAssets) {
			this.archiveAssets = archiveAssets;
			return this;
		}

		public Builder assetFields(List<String> assetFields) {
			this.assetFields = assetFields;
			return this;
		}

		public SourceChange build() {
			return new SourceChange(this.name, this.enabled, this.timestampToleranceSeconds, this.maxBodyBytes,
					this.rateLimitPerSecond, this.clearRateLimit, this.archiveAssets, this.assetFields);
		}

	}

}
