package io.switchboard.worker.guard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Whether an attempt may go now. A refusal is not the receiver's fault: the delivery is
 * deferred and no attempt is used up. An admitted attempt holds its destination's circuit
 * and bulkhead permits and gives them back exactly once, through {@link #finished} or
 * {@link #released}, to the very guards it took them from, even if the destination
 * changed meanwhile and its guards were replaced. A permit kept by mistake would be lost
 * for good: a bulkhead one place smaller for the life of the process, or a half-open
 * circuit that never lets another probe through.
 */
public final class Admission {

	private final boolean admitted;

	private final Duration retryIn;

	private final String reason;

	private final CircuitBreaker circuit;

	private final Bulkhead bulkhead;

	private final AtomicBoolean held;

	private Admission(boolean admitted, Duration retryIn, String reason, CircuitBreaker circuit, Bulkhead bulkhead) {
		this.admitted = admitted;
		this.retryIn = retryIn;
		this.reason = reason;
		this.circuit = circuit;
		this.bulkhead = bulkhead;
		this.held = new AtomicBoolean(admitted);
	}

	static Admission admit(CircuitBreaker circuit, Bulkhead bulkhead) {
		return new Admission(true, Duration.ZERO, null, circuit, bulkhead);
	}

	static Admission defer(Duration retryIn, String reason) {
		return new Admission(false, retryIn, reason, null, null);
	}

	/**
	 * Whether the attempt may be made.
	 * @return true if admitted
	 */
	public boolean admitted() {
		return this.admitted;
	}

	/**
	 * When to try again if not admitted.
	 * @return the wait
	 */
	public Duration retryIn() {
		return this.retryIn;
	}

	/**
	 * Why not admitted, for the log.
	 * @return the reason, or {@code null}
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * Gives the permits back without a call made: nothing for the circuit to count, and a
	 * half-open circuit may let another probe through. Does nothing if they were given
	 * back already.
	 */
	public void released() {
		if (this.held.compareAndSet(true, false)) {
			this.bulkhead.onComplete();
			this.circuit.releasePermission();
		}
	}

	/**
	 * Records how an admitted attempt ended and gives its permits back. Does nothing if
	 * they were given back already.
	 * @param delivered whether the receiver accepted it
	 * @param duration how long it took
	 */
	public void finished(boolean delivered, Duration duration) {
		if (!this.held.compareAndSet(true, false)) {
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
