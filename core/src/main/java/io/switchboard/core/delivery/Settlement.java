package io.switchboard.core.delivery;

/**
 * A finished attempt to write down: the leased delivery and what came of the attempt.
 *
 * @param delivery the leased delivery
 * @param attempt what the attempt did and what follows
 */
public record Settlement(LeasedDelivery delivery, AttemptRecord attempt) {

}
