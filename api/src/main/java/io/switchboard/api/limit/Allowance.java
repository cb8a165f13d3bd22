package io.switchboard.api.limit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How often each key (a client address, a source) may do something costly: so many a
 * second, with a burst of twice that. Only what is spent counts: asking how long to wait
 * takes nothing. Memory is bounded (the 100 000 most recently active keys; a key idle for
 * a minute starts afresh).
 *
 * @param <K> the key
 */
public final class Allowance<K> {

	private final double perSecond;

	private final Cache<K, TokenBucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	/**
	 * An allowance.
	 * @param perSecond how many a second each key may spend
	 */
	public Allowance(double perSecond) {
		this.perSecond = perSecond;
	}

	/**
	 * How long a key must wait before it has something to spend.
	 * @param key the key
	 * @return zero if it has
	 */
	public Duration wait(K key) {
		TokenBucket bucket = this.buckets.getIfPresent(key);
		return (bucket != null) ? Duration.ofNanos(bucket.peek(System.nanoTime())) : Duration.ZERO;
	}

	/**
	 * Spends one, if there is one to spend.
	 * @param key the key
	 */
	public void spend(K key) {
		long now = System.nanoTime();
		this.buckets.get(key, (k) -> new TokenBucket(this.perSecond, Math.max(1, 2 * this.perSecond), now))
			.tryTake(now);
	}

}
