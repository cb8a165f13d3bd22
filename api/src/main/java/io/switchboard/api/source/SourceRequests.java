package io.switchboard.api.source;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.core.source.SourceRules;

/**
 * The bodies {@code /api/v1/sources} accepts. Core's {@link SourceRules} checks them; the
 * annotations only describe the rules in the OpenAPI document.
 */
final class SourceRequests {

	private SourceRequests() {
	}

	record CreateSource(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = SourceRules.MAX_NAME) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
					"minivoice", "minari", "standard-webhooks", "hmac" }) String provider,
			@Schema(minLength = SourceRules.MIN_SECRET, maxLength = SourceRules.MAX_SECRET) String secret,
			Boolean generateSecret,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_TOLERANCE_SECONDS) Integer timestampToleranceSeconds,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_BODY_BYTES) Integer maxBodyBytes,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_RATE_LIMIT) Integer rateLimitPerSecond, Hmac hmac,
			@Schema(description = "Archive the files its payloads link to (default: on for minari)") Boolean archiveAssets,
			@Schema(description = "JSON pointers of the fields holding asset links (minari: /call/recording_url, "
					+ "/call/transcript_url)", maxLength = SourceRules.MAX_ASSET_FIELD) List<String> assetFields){

		@Override
		public String toString() {
			return "CreateSource[" + this.name + ", " + this.provider + "]";
		}

	}

	record Hmac(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100) String header,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
					"sha256", "sha512" }) String algorithm,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "hex", "base64" }) String encoding,
			@Schema(maxLength = 50) String prefix){

	}

	record UpdateSource(@Schema(maxLength = SourceRules.MAX_NAME) String name, Boolean enabled,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_TOLERANCE_SECONDS) Integer timestampToleranceSeconds,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_BODY_BYTES) Integer maxBodyBytes,
			@Schema(minimum = "1", maximum = "" + SourceRules.MAX_RATE_LIMIT) Integer rateLimitPerSecond,
			Boolean defaultRateLimit,
			@Schema(minLength = SourceRules.MIN_SECRET, maxLength = SourceRules.MAX_SECRET) String secret,
			Boolean archiveAssets, @Schema(maxLength = SourceRules.MAX_ASSET_FIELD) List<String> assetFields) {

		@Override
		public String toString() {
			return "UpdateSource[" + this.name + "]";
		}

	}

	record RotateSecret(@Schema(minLength = SourceRules.MIN_SECRET, maxLength = SourceRules.MAX_SECRET) String secret,
			@Schema(minimum = "0",
					maximum = "" + SourceRules.MAX_PREVIOUS_SECRET_HOURS) Integer previousSecretValidForHours) {

		@Override
		public String toString() {
			return "RotateSecret[]";
		}

	}

	/**
	 * A new inbound URL; the old one is still accepted for {@code overlapMinutes} (0: at
	 * once refused; at most 24 hours).
	 */
	record RotateUrl(@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
			maximum = "" + SourceRules.MAX_URL_OVERLAP_MINUTES) Integer overlapMinutes) {

	}

}
