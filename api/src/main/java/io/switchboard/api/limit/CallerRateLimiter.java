package io.switchboard.api.limit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Each caller's request rate, per process: a token bucket per caller, forgotten after ten
 * idle minutes.
 */
@Component
class CallerRateLimiter {

	private final ApiLimitProperties properties;

	private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build();

	CallerRateLimiter(ApiLimitProperties properties) {
		this.properties = properties;
	}

	/**
	 * Lets a request through or says how long to wait.
	 * @param caller who calls
	 * @return zero if it may pass, else the wait
	 */
	Duration admit(String caller) {
		long now = System.nanoTime();
		TokenBucket bucket = this.buckets.get(caller,
				(key) -> new TokenBucket(this.properties.rateLimitPerSecond(), this.properties.rateLimitBurst(), now));
		return Duration.ofNanos(bucket.tryTake(now));
	}

}
