package io.switchboard.worker.guard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.switchboard.core.delivery.LeasedDelivery;

/**
 * Protects each destination, and the others from it: a circuit breaker (after repeated
 * failures, attempts stop until it half-opens), a bulkhead (at most {@code max_in_flight}
 * attempts at once, so one slow receiver cannot take every slot) and a rate limiter (its
 * {@code rate_limit_per_second}, e.g. under Zapier's 30/s). Registries are keyed by
 * destination id and its limits, so a changed limit takes effect on the next attempt.
 */
public class DestinationGuards {

	private static final Duration BULKHEAD_FULL_RETRY = Duration.ofMillis(200);

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();

	private final Duration openDuration;

	public DestinationGuards(int minimumCalls, float failureRatePercent, Duration openDuration) {
		this.openDuration = openDuration;
		this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(Math.max(minimumCalls, 20))
			.minimumNumberOfCalls(minimumCalls)
			.failureRateThreshold(failureRatePercent)
			.waitDurationInOpenState(openDuration)
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	/**
	 * Asks to make an attempt; if admitted, the caller must call
	 * {@link #finished(LeasedDelivery, boolean, Duration)} once it ends.
	 * @param delivery the delivery
	 * @return whether it may go now
	 */
	public Admission admit(LeasedDelivery delivery) {
		CircuitBreaker circuit = circuit(delivery);
		if (!circuit.tryAcquirePermission()) {
			return Admission.defer(this.openDuration, "circuit " + circuit.getState().name().toLowerCase());
		}
		RateLimiter limiter = rateLimiter(delivery);
		if (limiter != null && !limiter.acquirePermission()) {
			circuit.releasePermission();
			return Admission.defer(Duration.ofMillis(Math.max(50, 1000 / delivery.rateLimitPerSecond())), "rate limit");
		}
		Bulkhead bulkhead = bulkhead(delivery);
		if (!bulkhead.tryAcquirePermission()) {
			circuit.releasePermission();
			return Admission.defer(BULKHEAD_FULL_RETRY, "bulkhead full");
		}
		return Admission.admit();
	}

	/**
	 * Records how an admitted attempt ended.
	 * @param delivery the delivery
	 * @param delivered whether the receiver accepted it
	 * @param duration how long it took
	 */
	public void finished(LeasedDelivery delivery, boolean delivered, Duration duration) {
		bulkhead(delivery).onComplete();
		CircuitBreaker circuit = circuit(delivery);
		if (delivered) {
			circuit.onSuccess(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		else {
			circuit.onError(duration.toNanos(), TimeUnit.NANOSECONDS, new ReceiverFailure());
		}
	}

	/**
	 * The circuit's state, for the portal and metrics.
	 * @param delivery a delivery to the destination
	 * @return {@code closed}, {@code open} or {@code half_open}
	 */
	public String circuitState(LeasedDelivery delivery) {
		return circuit(delivery).getState().name().toLowerCase();
	}

	/**
	 * How many destinations' circuits this process holds in each state, for the metrics.
	 * @param state {@code closed}, {@code open} or {@code half_open}
	 * @return how many circuits are in it
	 */
	public long circuitsInState(String state) {
		return this.circuitBreakers.getAllCircuitBreakers()
			.stream()
			.filter((circuit) -> circuit.getState().name().equalsIgnoreCase(state))
			.count();
	}

	private CircuitBreaker circuit(LeasedDelivery delivery) {
		return this.circuitBreakers.circuitBreaker(delivery.destinationId().toString());
	}

	private Bulkhead bulkhead(LeasedDelivery delivery) {
		return this.bulkheads.bulkhead(delivery.destinationId() + "/" + delivery.maxInFlight(),
				BulkheadConfig.custom()
					.maxConcurrentCalls(delivery.maxInFlight())
					.maxWaitDuration(Duration.ZERO)
					.build());
	}

	private RateLimiter rateLimiter(LeasedDelivery delivery) {
		if (delivery.rateLimitPerSecond() == null) {
			return null;
		}
		return this.rateLimiters.rateLimiter(delivery.destinationId() + "/" + delivery.rateLimitPerSecond(),
				RateLimiterConfig.custom()
					.limitForPeriod(delivery.rateLimitPerSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build());
	}

	/** A failed attempt, as the circuit breaker counts it. */
	static final class ReceiverFailure extends RuntimeException {

		ReceiverFailure() {
			super("receiver failed", null, false, false);
		}

	}

}
