package io.switchboard.worker.guard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Whether an attempt may go now. A refusal is not the receiver's fault: the delivery is
 * deferred and no attempt is used up. An admitted attempt holds its destination's circuit
 * and bulkhead permits and gives them back through {@link #finished}, to the very guards
 * it took them from, even if the destination changed meanwhile and its guards were
 * replaced.
 *
 * @param admitted whether the attempt may be made
 * @param retryIn when to try again if not
 * @param reason why not, for the log
 * @param circuit the circuit it was admitted by, or {@code null}
 * @param bulkhead the bulkhead it holds a place in, or {@code null}
 */
public record Admission(boolean admitted, Duration retryIn, String reason, CircuitBreaker circuit, Bulkhead bulkhead) {

	static Admission admit(CircuitBreaker circuit, Bulkhead bulkhead) {
		return new Admission(true, Duration.ZERO, null, circuit, bulkhead);
	}

	static Admission defer(Duration retryIn, String reason) {
		return new Admission(false, retryIn, reason, null, null);
	}

	/**
	 * Frees an admitted attempt's place without a call made: nothing for the circuit to
	 * count.
	 */
	public void released() {
		if (this.admitted) {
			this.bulkhead.onComplete();
		}
	}

	/**
	 * Records how an admitted attempt ended and frees its place.
	 * @param delivered whether the receiver accepted it
	 * @param duration how long it took
	 */
	public void finished(boolean delivered, Duration duration) {
		if (!this.admitted) {
			return;
		}
		this.bulkhead.onComplete();
		if (delivered) {
			this.circuit.onSuccess(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		else {
			this.circuit.onError(duration.toNanos(), TimeUnit.NANOSECONDS, new DestinationGuards.ReceiverFailure());
		}
	}

}
