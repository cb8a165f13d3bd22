package io.switchboard.api.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies {@code /api/v1/sources} accepts.
 */
final class SourceRequests {

	private SourceRequests() {
	}

	record CreateSource(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "minivoice|minari|standard-webhooks|hmac",
					message = "must be minivoice, minari, standard-webhooks or hmac") String provider,
			@Size(min = 8, max = 512, message = "must be 8 to 512 characters") String secret, Boolean generateSecret,
			@Min(1) @Max(86400) Integer timestampToleranceSeconds, @Min(1) @Max(10485760) Integer maxBodyBytes,
			@Min(1) @Max(100000) Integer rateLimitPerSecond, @Valid Hmac hmac) {

		@Override
		public String toString() {
			return "CreateSource[" + this.name + ", " + this.provider + "]";
		}

	}

	record Hmac(@NotBlank @Size(max = 100) String header,
			@NotBlank @Pattern(regexp = "sha256|sha512", message = "must be sha256 or sha512") String algorithm,
			@NotBlank @Pattern(regexp = "hex|base64", message = "must be hex or base64") String encoding,
			@Size(max = 50) String prefix) {

	}

	record UpdateSource(@Size(min = 1, max = 200) String name, Boolean enabled,
			@Min(1) @Max(86400) Integer timestampToleranceSeconds, @Min(1) @Max(10485760) Integer maxBodyBytes,
			@Min(1) @Max(100000) Integer rateLimitPerSecond, Boolean defaultRateLimit,
			@Size(min = 8, max = 512, message = "must be 8 to 512 characters") String secret) {

		@Override
		public String toString() {
			return "UpdateSource[" + this.name + "]";
		}

	}

	record RotateSecret(@Size(min = 8, max = 512, message = "must be 8 to 512 characters") String secret,
			@Min(0) @Max(720) Integer previousSecretValidForHours) {

		@Override
		public String toString() {
			return "RotateSecret[]";
		}

	}

	/**
	 * A new inbound URL; the old one is still accepted for {@code overlapMinutes} (0: at
	 * once refused; at most 24 hours).
	 */
	record RotateUrl(@NotNull @Min(0) @Max(1440) Integer overlapMinutes) {

	}

}
