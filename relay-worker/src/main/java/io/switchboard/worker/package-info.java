/**
 * The relay worker: leases due deliveries, sends, retries, dead-letters (role worker).
 */
package io.switchboard.worker;
