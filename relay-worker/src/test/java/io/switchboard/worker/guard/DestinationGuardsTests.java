package io.switchboard.worker.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.EventPayload;
import io.switchboard.core.delivery.LeasedAttempt;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.RetryPolicy;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destination's circuit breaker, bulkhead and rate limiter, and their replacement when
 * the destination changes.
 */
class DestinationGuardsTests {

	private static final TenantId TENANT = TenantId.generate();

	private static final DestinationId DESTINATION = DestinationId.generate();

	private final List<String> reports = new ArrayList<>();

	private final DestinationGuards guards = new DestinationGuards(5, 50, Duration.ofMinutes(1),
			(tenantId, destinationId, state, at) -> this.reports.add(tenantId + " " + destinationId + " " + state));

	@Test
	void bulkheadHoldsBackAttemptsOverTheDestinationsInFlightLimit() {
		Admission first = this.guards.admit(delivery("https://a.example/hook", 2, null));
		Admission second = this.guards.admit(delivery("https://a.example/hook", 2, null));
		Admission third = this.guards.admit(delivery("https://a.example/hook", 2, null));
		assertThat(first.admitted()).isTrue();
		assertThat(second.admitted()).isTrue();
		assertThat(third.admitted()).isFalse();
		assertThat(third.reason()).isEqualTo("bulkhead full");
		assertThat(this.guards.unavailable()).containsExactly(DESTINATION);
		first.finished(true, Duration.ofMillis(5));
		assertThat(this.guards.unavailable()).isEmpty();
		assertThat(this.guards.admit(delivery("https://a.example/hook", 2, null)).admitted()).isTrue();
	}

	@Test
	void otherDestinationsAreNotHeldBackByAFullBulkhead() {
		this.guards.admit(delivery("https://a.example/hook", 1, null));
		assertThat(this.guards.admit(delivery("https://a.example/hook", 1, null)).admitted()).isFalse();
		LeasedDelivery other = delivery(DestinationId.generate(), "https://b.example/hook", 1, null);
		assertThat(this.guards.admit(other).admitted()).isTrue();
	}

	@Test
	void raisedInFlightLimitTakesEffectAtOnce() {
		Admission held = this.guards.admit(delivery("https://a.example/hook", 1, null));
		assertThat(this.guards.admit(delivery("https://a.example/hook", 1, null)).admitted()).isFalse();
		assertThat(this.guards.admit(delivery("https://a.example/hook", 3, null)).admitted()).isTrue();
		held.finished(true, Duration.ofMillis(5));
	}

	@Test
	void circuitOpensAfterRepeatedFailuresIsReportedAndAFixedUrlStartsClosed() {
		for (int i = 0; i < 5; i++) {
			this.guards.admit(delivery("https://broken.example/hook", 10, null)).finished(false, Duration.ofMillis(5));
		}
		Admission held = this.guards.admit(delivery("https://broken.example/hook", 10, null));
		assertThat(held.admitted()).isFalse();
		assertThat(held.reason()).isEqualTo("circuit open");
		assertThat(this.reports).containsExactly(TENANT + " " + DESTINATION + " open");
		assertThat(this.guards.unavailable()).containsExactly(DESTINATION);
		assertThat(this.guards.admit(delivery("https://fixed.example/hook", 10, null)).admitted())
			.as("the destination's URL was changed: its guards start afresh")
			.isTrue();
	}

	@Test
	void whileTheHalfOpenProbeIsOutOtherDeliveriesWaitBriefly() throws Exception {
		DestinationGuards quick = new DestinationGuards(5, 50, Duration.ofMillis(100));
		for (int i = 0; i < 5; i++) {
			quick.admit(delivery("https://broken.example/hook", 10, null)).finished(false, Duration.ofMillis(5));
		}
		assertThat(quick.admit(delivery("https://broken.example/hook", 10, null)).retryIn())
			.as("open: wait for the probe's turn")
			.isEqualTo(Duration.ofMillis(100));
		Admission probe = probeOnceHalfOpen(quick);
		assertThat(quick.unavailable()).as("half-open with its probe out: nothing to lease for it")
			.contains(DESTINATION);
		Admission waiting = quick.admit(delivery("https://broken.example/hook", 10, null));
		assertThat(waiting.admitted()).isFalse();
		assertThat(waiting.reason()).isEqualTo("circuit half_open");
		assertThat(waiting.retryIn()).isEqualTo(Duration.ofSeconds(1));
		probe.finished(true, Duration.ofMillis(5));
		assertThat(quick.unavailable()).isEmpty();
		assertThat(quick.admit(delivery("https://broken.example/hook", 10, null)).admitted()).isTrue();
	}

	@Test
	void aProbeThatWasNeverSentLetsAnotherThrough() throws Exception {
		DestinationGuards quick = new DestinationGuards(5, 50, Duration.ofMillis(100));
		for (int i = 0; i < 5; i++) {
			quick.admit(delivery("https://broken.example/hook", 10, null)).finished(false, Duration.ofMillis(5));
		}
		Admission probe = probeOnceHalfOpen(quick);
		probe.released();
		assertThat(quick.unavailable()).as("half-open, no probe out").isEmpty();
		assertThat(quick.admit(delivery("https://broken.example/hook", 10, null)).admitted())
			.as("the unused probe's permit came back")
			.isTrue();
	}

	@Test
	void anAttemptGivesItsPlaceBackOnlyOnce() {
		Admission first = this.guards.admit(delivery("https://a.example/hook", 1, null));
		first.finished(true, Duration.ofMillis(5));
		first.released();
		first.finished(false, Duration.ofMillis(5));
		assertThat(this.guards.admit(delivery("https://a.example/hook", 1, null)).admitted()).isTrue();
		assertThat(this.guards.admit(delivery("https://a.example/hook", 1, null)).admitted()).as("one place, not three")
			.isFalse();
	}

	@Test
	void aHalfOpenCircuitWithNoProbeOutTakesOne() throws Exception {
		DestinationGuards quick = new DestinationGuards(5, 50, Duration.ofMillis(100));
		for (int i = 0; i < 5; i++) {
			quick.admit(delivery("https://broken.example/hook", 10, null)).finished(false, Duration.ofMillis(5));
		}
		assertThat(quick.unavailable()).containsExactly(DESTINATION);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!quick.unavailable().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(quick.unavailable()).as("half-open and idle: its probe may be leased").isEmpty();
	}

	@Test
	void slowAnswersOpenTheCircuitEvenWhenDelivered() {
		DestinationGuards guards = new DestinationGuards(5, 50, Duration.ofMinutes(1), Duration.ofSeconds(5), 50,
				CircuitReports.NONE);
		for (int i = 0; i < 5; i++) {
			guards.admit(delivery("https://slow.example/hook", 1000, null)).finished(true, Duration.ofSeconds(59));
		}
		Admission held = guards.admit(delivery("https://slow.example/hook", 1000, null));
		assertThat(held.admitted()).isFalse();
		assertThat(held.reason()).isEqualTo("circuit open");
		assertThat(guards.unavailable()).containsExactly(DESTINATION);
	}

	@Test
	void quickAnswersUnderTheSlowThresholdKeepTheCircuitClosed() {
		DestinationGuards guards = new DestinationGuards(5, 50, Duration.ofMinutes(1), Duration.ofSeconds(5), 50,
				CircuitReports.NONE);
		for (int i = 0; i < 20; i++) {
			guards.admit(delivery("https://quick.example/hook", 1000, null)).finished(true, Duration.ofSeconds(4));
		}
		assertThat(guards.admit(delivery("https://quick.example/hook", 1000, null)).admitted()).isTrue();
	}

	@Test
	void roomIsEachKnownDestinationsFreePlaces() {
		Admission held = this.guards.admit(delivery("https://a.example/hook", 3, null));
		this.guards.admit(delivery("https://a.example/hook", 3, null));
		assertThat(this.guards.room()).containsExactly(Map.entry(DESTINATION, 1));
		held.finished(true, Duration.ofMillis(5));
		assertThat(this.guards.room()).containsExactly(Map.entry(DESTINATION, 2));
	}

	@Test
	void rateLimitHoldsBackAttemptsOverTheDestinationsRate() {
		int admitted = 0;
		for (int i = 0; i < 10; i++) {
			Admission admission = this.guards.admit(delivery("https://a.example/hook", 100, 3));
			if (admission.admitted()) {
				admitted++;
				admission.finished(true, Duration.ofMillis(1));
			}
			else {
				assertThat(admission.reason()).isEqualTo("rate limit");
			}
		}
		assertThat(admitted).isEqualTo(3);
		assertThat(this.guards.unavailable()).as("its second is used up").containsExactly(DESTINATION);
	}

	/**
	 * Asks until the open circuit half-opens by itself and admits its probe.
	 */
	private static Admission probeOnceHalfOpen(DestinationGuards guards) throws InterruptedException {
		Admission probe = guards.admit(delivery("https://broken.example/hook", 10, null));
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!probe.admitted() && System.nanoTime() < deadline) {
			Thread.sleep(20);
			probe = guards.admit(delivery("https://broken.example/hook", 10, null));
		}
		assertThat(probe.admitted()).as("the circuit half-opens on time by itself").isTrue();
		return probe;
	}

	private static LeasedDelivery delivery(String url, int maxInFlight, Integer rateLimit) {
		return delivery(DESTINATION, url, maxInFlight, rateLimit);
	}

	private static LeasedDelivery delivery(DestinationId destination, String url, int maxInFlight, Integer rateLimit) {
		return new LeasedDelivery(TENANT, DeliveryId.generate(), destination,
				new LeasedAttempt("owner", 0, 1, "scheduled", Instant.now()),
				new EventPayload(EventId.generate(), "minivoice", "call.completed", false, Instant.now(),
						"application/json", new byte[0]),
				new DeliveryTarget(null, url, "none", "original", List.of(), Map.of(), 10_000, maxInFlight, rateLimit,
						new RetryPolicy(List.of(), Duration.ofDays(3)), null));
	}

}
