package io.switchboard.core.destination;

import java.time.Instant;

/**
 * A destination's circuit breaker as workers last reported it.
 *
 * @param state {@code closed} (attempts go through), {@code open} (deliveries wait,
 * without using attempts, until it half-opens) or {@code half-open} (one attempt tests
 * the receiver)
 * @param changedAt when it last changed, or {@code null} if it never has
 */
public record DestinationCircuit(String state, Instant changedAt) {

}
