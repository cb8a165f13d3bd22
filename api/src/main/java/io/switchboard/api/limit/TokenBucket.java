package io.switchboard.api.limit;

/**
 * A rate limit: {@code rate} tokens a second, at most {@code capacity} saved up. Not a
 * queue: a request that finds no token is told how long until there is one.
 */
public final class TokenBucket {

	private final double tokensPerNano;

	private final double capacity;

	private double tokens;

	private long refilledAt;

	/**
	 * A full bucket.
	 * @param ratePerSecond tokens added a second
	 * @param capacity the most tokens saved up
	 * @param now {@link System#nanoTime()}
	 */
	public TokenBucket(double ratePerSecond, double capacity, long now) {
		this.tokensPerNano = ratePerSecond / 1e9;
		this.capacity = capacity;
		this.tokens = capacity;
		this.refilledAt = now;
	}

	/**
	 * Takes a token if there is one.
	 * @param now {@link System#nanoTime()}
	 * @return 0 if taken, else the nanoseconds until one is free
	 */
	public synchronized long tryTake(long now) {
		long wait = waitAt(now);
		if (wait == 0) {
			this.tokens -= 1;
		}
		return wait;
	}

	/**
	 * Whether a token is there, without taking it.
	 * @param now {@link System#nanoTime()}
	 * @return 0 if there is one, else the nanoseconds until there is
	 */
	public synchronized long peek(long now) {
		return waitAt(now);
	}

	private long waitAt(long now) {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerNano);
		this.refilledAt = now;
		return (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
	}

}
