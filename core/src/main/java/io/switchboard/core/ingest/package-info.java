/**
 * Making an accepted event durable: the event, one delivery per matching route and a
 * wake-up for the workers, in one transaction, with concurrent requests grouped into one
 * commit.
 */
package io.switchboard.core.ingest;
