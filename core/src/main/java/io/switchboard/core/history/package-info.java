/**
 * Reading what happened: stored events and their deliveries, always within one tenant.
 */
package io.switchboard.core.history;
