/**
 * The delivery queue in PostgreSQL and its state machine: every status change is a
 * {@link io.switchboard.core.delivery.DeliveryTransition}; workers lease due deliveries
 * with {@code FOR UPDATE SKIP LOCKED}, settle attempts in batches, take back expired
 * leases.
 */
package io.switchboard.core.delivery;
