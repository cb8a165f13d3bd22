package io.switchboard.worker.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.core.delivery.LeasedDelivery;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts and logs each attempt, each deferral and each expiry (a delivery past its max
 * age). Tags are bounded: the destination kind (four values), the resulting status
 * (delivered, retrying, dead, paused) and the deferral cause; never a tenant or
 * destination id. The log line carries the ids, never the body, the URL's query or a
 * header.
 */
public class DeliveryTelemetry {

	private static final Log logger = LogFactory.getLog("io.switchboard.worker.attempts");

	private final MeterRegistry registry;

	/**
	 * The attempt meters by status and kind, registered once: looking a meter up by its
	 * tags on every attempt was a visible share of the worker's CPU.
	 */
	private final Map<AttemptTags, AttemptMeters> attemptMeters = new ConcurrentHashMap<>();

	/** The lease round trips by what woke the loop, registered once. */
	private final Map<String, Timer> leaseDurations = new ConcurrentHashMap<>();

	private final Counter leased;

	public DeliveryTelemetry(MeterRegistry registry) {
		this.registry = registry;
		this.leased = Counter.builder("switchboard.delivery.leased")
			.description("Deliveries leased by this worker")
			.register(registry);
	}

	/**
	 * The worker leased deliveries.
	 * @param cause what woke its loop: {@code notification} (an inbound commit),
	 * {@code poll}, {@code attempt} (an attempt ended or more may be due) or
	 * {@code reclaim}
	 * @param count how many it leased
	 * @param took how long the lease's round trip took
	 */
	public void leased(String cause, int count, Duration took) {
		this.leaseDurations
			.computeIfAbsent(cause,
					(key) -> Timer.builder("switchboard.delivery.lease.duration")
						.description("How long the worker's lease round trips took, by what woke the loop")
						.tag("cause", key)
						.publishPercentileHistogram()
						.maximumExpectedValue(Duration.ofSeconds(10))
						.register(this.registry))
			.record(took);
		this.leased.increment(count);
	}

	/**
	 * An attempt ended and its delivery took a new status.
	 * @param delivery the delivery
	 * @param status the delivery's new status
	 * @param responseStatus the receiver's HTTP status, or {@code null} if none came
	 * @param error what went wrong before an answer came, or {@code null}
	 * @param duration how long the attempt took
	 */
	public void attempted(LeasedDelivery delivery, String status, Integer responseStatus, Throwable error,
			Duration duration) {
		String kind = kind(delivery);
		AttemptMeters meters = this.attemptMeters.computeIfAbsent(new AttemptTags(status, kind), this::register);
		meters.attempts().increment();
		meters.duration().record(duration);
		if (logger.isInfoEnabled()) {
			logger.info("attempt tenant=" + delivery.tenantId() + " event=" + delivery.payload().eventId()
					+ " delivery=" + delivery.id() + " destination=" + delivery.destinationId() + " kind=" + kind
					+ " attempt=" + delivery.attempt().number() + " status=" + status + " response="
					+ ((responseStatus != null) ? responseStatus : "none") + " duration_ms=" + duration.toMillis()
					+ ((error != null) ? " error=" + error.getClass().getSimpleName() : ""));
		}
	}

	/**
	 * An attempt was held back by the destination's own guards; no attempt was used up.
	 * @param delivery the delivery
	 * @param reason the guard's reason ({@code circuit open}, {@code rate limit}, …)
	 */
	public void deferred(LeasedDelivery delivery, String reason) {
		Counter.builder("switchboard.delivery.deferrals")
			.description("Attempts held back by a destination's circuit, rate limit or bulkhead")
			.tag("cause", cause(reason))
			.tag("kind", kind(delivery))
			.register(this.registry)
			.increment();
		if (logger.isDebugEnabled()) {
			logger.debug("deferred tenant=" + delivery.tenantId() + " delivery=" + delivery.id() + " destination="
					+ delivery.destinationId() + " reason=" + reason);
		}
	}

	/**
	 * A delivery outlived its destination's max age before an attempt: it goes dead
	 * unsent.
	 * @param delivery the delivery
	 */
	public void expired(LeasedDelivery delivery) {
		Counter.builder("switchboard.delivery.expired")
			.description("Deliveries that went dead unsent, older than their destination's max age")
			.tag("kind", kind(delivery))
			.register(this.registry)
			.increment();
		if (logger.isInfoEnabled()) {
			logger.info("expired tenant=" + delivery.tenantId() + " event=" + delivery.payload().eventId()
					+ " delivery=" + delivery.id() + " destination=" + delivery.destinationId() + " kind="
					+ kind(delivery) + " status=dead reason=max-age-exceeded");
		}
	}

	private AttemptMeters register(AttemptTags tags) {
		Counter attempts = Counter.builder("switchboard.delivery.attempts")
			.description("Delivery attempts, by the delivery's resulting status and destination kind")
			.tag("status", tags.status())
			.tag("kind", tags.kind())
			.register(this.registry);
		Timer duration = Timer.builder("switchboard.delivery.attempt.duration")
			.description("How long attempts took, until the answer or the failure")
			.tag("outcome", "delivered".equals(tags.status()) ? "delivered" : "failed")
			.tag("kind", tags.kind())
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofSeconds(60))
			.register(this.registry);
		return new AttemptMeters(attempts, duration);
	}

	private static String kind(LeasedDelivery delivery) {
		String kind = delivery.target().kind();
		return (kind != null) ? kind : "unknown";
	}

	static String cause(String reason) {
		if (reason == null) {
			return "other";
		}
		if (reason.startsWith("circuit")) {
			return "circuit";
		}
		if (reason.startsWith("rate")) {
			return "rate-limit";
		}
		if (reason.startsWith("bulkhead")) {
			return "bulkhead";
		}
		return "other";
	}

	private record AttemptTags(String status, String kind) {

	}

	private record AttemptMeters(Counter attempts, Timer duration) {

	}

}
