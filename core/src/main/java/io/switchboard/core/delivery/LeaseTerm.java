package io.switchboard.core.delivery;

import java.time.Duration;

/**
 * How long a lease lasts: never less than {@code minimum}, and always longer than the
 * longest attempt the delivery's destination allows (its timeout plus
 * {@code beyondTimeout}: connecting, the response's slack and a margin), so that no
 * delivery is reclaimed, and sent a second time, while its attempt may still be running.
 *
 * @param minimum the shortest lease
 * @param beyondTimeout what is added to the destination's timeout
 */
public record LeaseTerm(Duration minimum, Duration beyondTimeout) {

}
