/**
 * Retention: events, their deliveries and attempts older than the tenant's retention are
 * purged in small batches, never one that is not final.
 */
package io.switchboard.core.retention;
