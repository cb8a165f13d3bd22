package io.switchboard.api.inbound;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.api.limit.TokenBucket;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.source.Source;

import org.springframework.stereotype.Component;

/**
 * Each source's request rate, per process: its own limit or the installation's default,
 * with a burst allowance.
 */
@Component
class InboundRateLimiter {

	private final InboundProperties properties;

	private final Cache<SourceId, TokenBucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	InboundRateLimiter(InboundProperties properties) {
		this.properties = properties;
	}

	/**
	 * Lets a request through or says how long to wait.
	 * @param source the source it was sent to
	 * @return zero if it may pass, else the wait
	 */
	Duration admit(Source source) {
		int rate = (source.rateLimitPerSecond() != null) ? source.rateLimitPerSecond()
				: this.properties.rateLimitPerSecond();
		double burst = Math.max(1, rate * this.properties.rateLimitBurst().toMillis() / 1000.0);
		long now = System.nanoTime();
		TokenBucket bucket = this.buckets.get(source.id(), (id) -> new TokenBucket(rate, burst, now));
		return Duration.ofNanos(bucket.tryTake(now));
	}

}
