package io.switchboard.api.inbound;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.api.limit.TokenBucket;

import org.springframework.stereotype.Component;

/**
 * How often each client address has sent to an inbound URL that names no source. Past
 * {@code switchboard.inbound.max-unknown-tokens-per-second} (with a burst of as many
 * again), the address's requests to URLs not already known are answered 429 before any
 * database look-up: guessing URLs costs the guesser, not the database. Only misses count,
 * so a provider sending from one address for many tenants is never slowed. Memory is
 * bounded (the most recently active 100 000 addresses).
 */
@Component
class UnknownTokens {

	private final double perSecond;

	private final Cache<String, TokenBucket> misses = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	UnknownTokens(InboundProperties properties) {
		this.perSecond = properties.maxUnknownTokensPerSecond();
	}

	/**
	 * How long an address must wait before it may look up an unknown URL again.
	 * @param address the client address
	 * @return zero if it may
	 */
	Duration wait(String address) {
		TokenBucket bucket = this.misses.getIfPresent(address);
		return (bucket != null) ? Duration.ofNanos(bucket.peek(System.nanoTime())) : Duration.ZERO;
	}

	/**
	 * Counts a miss.
	 * @param address the client address
	 */
	void missed(String address) {
		long now = System.nanoTime();
		this.misses.get(address, (key) -> new TokenBucket(this.perSecond, Math.max(1, 2 * this.perSecond), now))
			.tryTake(now);
	}

}
