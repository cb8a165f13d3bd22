package io.switchboard.core.source;

/**
 * A change to a source's settings; {@code null} leaves a setting as it is.
 *
 * @param name a new name
 * @param enabled whether it accepts events
 * @param timestampToleranceSeconds a new tolerance for signed timestamps
 * @param maxBodyBytes a new body size limit
 * @param rateLimitPerSecond a new rate limit
 * @param clearRateLimit whether to go back to the installation's default rate limit
 */
public record SourceChange(String name, Boolean enabled, Integer timestampToleranceSeconds, Integer maxBodyBytes,
		Integer rateLimitPerSecond, boolean clearRateLimit) {

}
