/**
 * Archiving assets: leasing due ones, fetching each through the egress guard into the
 * asset store, and recording what came of it; in a lane of its own, apart from
 * deliveries.
 */
package io.switchboard.worker.asset;
