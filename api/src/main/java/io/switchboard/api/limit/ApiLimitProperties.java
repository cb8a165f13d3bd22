package io.switchboard.api.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on the REST API ({@code /api/v1}); the inbound endpoint has its own, per source.
 *
 * @param rateLimitPerSecond requests a second each caller (token, person, or address when
 * anonymous) may make, per process
 * @param rateLimitBurst how many requests a caller may make at once, before the rate
 * @param maxRequestBody the largest request body accepted
 */
@ConfigurationProperties("switchboard.api")
public record ApiLimitProperties(@DefaultValue("20") double rateLimitPerSecond, @DefaultValue("100") int rateLimitBurst,
		@DefaultValue("64KB") DataSize maxRequestBody) {

	public ApiLimitProperties {
		if (rateLimitPerSecond <= 0 || rateLimitBurst < 1) {
			throw new IllegalArgumentException(
					"switchboard.api.rate-limit-per-second must be positive and rate-limit-burst at least 1");
		}
	}

}
