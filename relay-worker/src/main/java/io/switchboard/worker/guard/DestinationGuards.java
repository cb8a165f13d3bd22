package io.switchboard.worker.guard;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;

/**
 * Protects each destination, and the others from it: a circuit breaker (after repeated
 * failures, attempts stop until it half-opens), a bulkhead (at most {@code max_in_flight}
 * attempts at once, so one slow receiver cannot take every slot) and a rate limiter (its
 * {@code rate_limit_per_second}, e.g. under Zapier's 30/s). Registries are keyed by
 * destination id; when a destination's URL or limits change, its guards are replaced.
 */
public class DestinationGuards {

	private static final Duration BULKHEAD_FULL_RETRY = Duration.ofMillis(200);

	private static final Duration HALF_OPEN_RETRY = Duration.ofSeconds(1);

	private static final String TENANT_TAG = "tenant";

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private final Map<DestinationId, Seen> seen = new ConcurrentHashMap<>();

	private volatile long lastSweep = System.nanoTime();

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();

	private final Duration openDuration;

	public DestinationGuards(int minimumCalls, float failureRatePercent, Duration openDuration) {
		this(minimumCalls, failureRatePercent, openDuration, CircuitReports.NONE);
	}

	public DestinationGuards(int minimumCalls, float failureRatePercent, Duration openDuration,
			CircuitReports reports) {
		this(minimumCalls, failureRatePercent, openDuration, Duration.ofSeconds(60), 100, reports);
	}

	/**
	 * Guards whose circuits count failed attempts and slow ones.
	 * @param minimumCalls attempts before a circuit may open
	 * @param failureRatePercent the share of failed attempts that opens it
	 * @param openDuration how long it stays open before letting a probe through
	 * @param slowCallDuration an attempt that takes at least this long is slow
	 * @param slowCallRatePercent the share of slow attempts (delivered or not) that opens
	 * it
	 * @param reports told of every transition
	 */
	public DestinationGuards(int minimumCalls, float failureRatePercent, Duration openDuration,
			Duration slowCallDuration, float slowCallRatePercent, CircuitReports reports) {
		this.openDuration = openDuration;
		this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(Math.max(minimumCalls, 20))
			.minimumNumberOfCalls(minimumCalls)
			.failureRateThreshold(failureRatePercent)
			// a receiver that answers, but only after a long time, holds places as a
			// failing one does: its slow calls open the circuit too
			.slowCallDurationThreshold(slowCallDuration)
			.slowCallRateThreshold(slowCallRatePercent)
			.waitDurationInOpenState(openDuration)
			.permittedNumberOfCallsInHalfOpenState(1)
			// half-opens on time by itself: workers do not lease deliveries to an open
			// circuit,
			// so no attempt would come to move it on
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.build());
		this.circuitBreakers.getEventPublisher()
			.onEntryAdded((added) -> added.getAddedEntry()
				.getEventPublisher()
				.onStateTransition((transition) -> report(reports, added.getAddedEntry(), transition)));
	}

	private static void report(CircuitReports reports, CircuitBreaker circuit,
			CircuitBreakerOnStateTransitionEvent event) {
		String state = switch (event.getStateTransition().getToState()) {
			case OPEN, FORCED_OPEN -> "open";
			case HALF_OPEN -> "half-open";
			default -> "closed";
		};
		reports.changed(TenantId.parse(circuit.getTags().get(TENANT_TAG)), DestinationId.parse(circuit.getName()),
				state, event.getCreationTime().toInstant());
	}

	/**
	 * Asks to make an attempt; if admitted, the caller must call
	 * {@link #finished(LeasedDelivery, boolean, Duration)} once it ends.
	 * @param delivery the delivery
	 * @return whether it may go now
	 */
	public Admission admit(LeasedDelivery delivery) {
		refresh(delivery);
		CircuitBreaker circuit = circuit(delivery);
		if (!circuit.tryAcquirePermission()) {
			// half-open: a probe is in flight and decides soon; open: wait for the
			// probe's turn
			Duration wait = (circuit.getState() == CircuitBreaker.State.HALF_OPEN) ? HALF_OPEN_RETRY
					: this.openDuration;
			return Admission.defer(wait, "circuit " + circuit.getState().name().toLowerCase());
		}
		RateLimiter limiter = rateLimiter(delivery);
		if (limiter != null && !limiter.acquirePermission()) {
			circuit.releasePermission();
			return Admission.defer(Duration.ofMillis(Math.max(50, 1000 / delivery.target().rateLimitPerSecond())),
					"rate limit");
		}
		Bulkhead bulkhead = bulkhead(delivery);
		if (!bulkhead.tryAcquirePermission()) {
			circuit.releasePermission();
			return Admission.defer(BULKHEAD_FULL_RETRY, "bulkhead full");
		}
		return Admission.admit(circuit, bulkhead);
	}

	/**
	 * Replaces a destination's guards when what they were made for changed (its URL, its
	 * in-flight limit, its rate limit): a fixed URL starts with a closed circuit, a new
	 * limit applies at once. Guards of destinations not seen for an hour are dropped.
	 */
	private void refresh(LeasedDelivery delivery) {
		DeliveryTarget target = delivery.target();
		Limits limits = new Limits(target.url(), target.maxInFlight(), target.rateLimitPerSecond());
		long now = System.nanoTime();
		Seen previous = this.seen.put(delivery.destinationId(), new Seen(limits, now));
		if (previous != null && !previous.limits().equals(limits)) {
			evict(delivery.destinationId());
		}
		if (now - this.lastSweep > SWEEP_EVERY.toNanos()) {
			this.lastSweep = now;
			this.seen.entrySet().removeIf((entry) -> {
				boolean stale = now - entry.getValue().atNanos() > FORGET_AFTER.toNanos();
				if (stale) {
					evict(entry.getKey());
				}
				return stale;
			});
		}
	}

	private void evict(DestinationId id) {
		this.circuitBreakers.remove(id.toString());
		this.bulkheads.remove(id.toString());
		this.rateLimiters.remove(id.toString());
	}

	/**
	 * The destinations this process cannot send to now: their circuit is open, or
	 * half-open with its probe still out; they have as many attempts in flight as they
	 * allow; or their rate limit is used up for this second. Their deliveries are better
	 * left in the queue than leased only to be handed back, one transaction each, while
	 * other destinations' deliveries wait for the worker.
	 * @return their ids
	 */
	public Set<DestinationId> unavailable() {
		Stream<String> full = this.bulkheads.getAllBulkheads()
			.stream()
			.filter((bulkhead) -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0)
			.map(Bulkhead::getName);
		Stream<String> waiting = this.circuitBreakers.getAllCircuitBreakers()
			.stream()
			.filter((circuit) -> circuit.getState() == CircuitBreaker.State.OPEN
					|| (circuit.getState() == CircuitBreaker.State.HALF_OPEN && probing(circuit.getName())))
			.map(CircuitBreaker::getName);
		Stream<String> limited = this.rateLimiters.getAllRateLimiters()
			.stream()
			.filter((limiter) -> limiter.getMetrics().getAvailablePermissions() <= 0)
			.map(RateLimiter::getName);
		return Stream.of(full, waiting, limited)
			.flatMap((names) -> names)
			.map(DestinationId::parse)
			.collect(Collectors.toSet());
	}

	/**
	 * How many more attempts each destination this process knows takes now (its
	 * bulkhead's free places), so that a lease takes no more than can start at once.
	 * @return free places by destination
	 */
	public Map<DestinationId, Integer> room() {
		return this.bulkheads.getAllBulkheads()
			.stream()
			.collect(Collectors.toMap((bulkhead) -> DestinationId.parse(bulkhead.getName()),
					(bulkhead) -> bulkhead.getMetrics().getAvailableConcurrentCalls()));
	}

	/**
	 * Whether a half-open circuit's probe is out: in that state only the probe is
	 * admitted, so any attempt in flight is it (or one admitted before the circuit
	 * opened, which also decides soon).
	 */
	private boolean probing(String destination) {
		return this.bulkheads.find(destination)
			.map((bulkhead) -> bulkhead.getMetrics().getAvailableConcurrentCalls() < bulkhead.getMetrics()
				.getMaxAllowedConcurrentCalls())
			.orElse(false);
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
		return this.circuitBreakers.circuitBreaker(delivery.destinationId().toString(),
				Map.of(TENANT_TAG, delivery.tenantId().toString()));
	}

	private Bulkhead bulkhead(LeasedDelivery delivery) {
		return this.bulkheads.bulkhead(delivery.destinationId().toString(),
				BulkheadConfig.custom()
					.maxConcurrentCalls(delivery.target().maxInFlight())
					.maxWaitDuration(Duration.ZERO)
					.build());
	}

	private RateLimiter rateLimiter(LeasedDelivery delivery) {
		if (delivery.target().rateLimitPerSecond() == null) {
			return null;
		}
		return this.rateLimiters.rateLimiter(delivery.destinationId().toString(),
				RateLimiterConfig.custom()
					.limitForPeriod(delivery.target().rateLimitPerSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build());
	}

	private record Limits(String url, int maxInFlight, Integer rateLimitPerSecond) {

	}

	private record Seen(Limits limits, long atNanos) {

	}

	/** A failed attempt, as the circuit breaker counts it. */
	static final class ReceiverFailure extends RuntimeException {

		ReceiverFailure() {
			super("receiver failed", null, false, false);
		}

	}

}
