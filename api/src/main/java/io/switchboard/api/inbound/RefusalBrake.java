package io.switchboard.api.inbound;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.api.limit.TokenBucket;
import io.switchboard.core.id.SourceId;

import org.springframework.stereotype.Component;

/**
 * Each source's refusals: a request that is read, verified and then refused (a bad
 * signature, a poison event, a body too large or too slow) costs as much CPU as one that
 * is stored. Past {@code switchboard.inbound.max-refusals-per-second} (with a burst of as
 * many again), the source's requests are answered 429 before their body is read, until
 * its refusals slow down: a sender that keeps sending what is refused cannot take the CPU
 * other tenants' events need. A sender that is refused now and then is never slowed.
 */
@Component
class RefusalBrake {

	private final double perSecond;

	private final Cache<SourceId, TokenBucket> refusals = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	RefusalBrake(InboundProperties properties) {
		this.perSecond = properties.maxRefusalsPerSecond();
	}

	/**
	 * How long a source must wait before its requests are read again.
	 * @param source the source
	 * @return zero if they may be
	 */
	Duration wait(SourceId source) {
		TokenBucket bucket = this.refusals.getIfPresent(source);
		return (bucket != null) ? Duration.ofNanos(bucket.peek(System.nanoTime())) : Duration.ZERO;
	}

	/**
	 * Counts a refusal of a request that was read.
	 * @param source the source it was sent to
	 */
	void refused(SourceId source) {
		long now = System.nanoTime();
		this.refusals.get(source, (key) -> new TokenBucket(this.perSecond, Math.max(1, 2 * this.perSecond), now))
			.tryTake(now);
	}

}
