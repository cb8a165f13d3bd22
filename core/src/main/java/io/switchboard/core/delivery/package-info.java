/**
 * The delivery queue in PostgreSQL: lease due deliveries with
 * {@code FOR UPDATE SKIP LOCKED}, record each attempt and the new state in one
 * transaction, take back expired leases.
 */
package io.switchboard.core.delivery;
