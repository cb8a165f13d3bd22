/**
 * Background jobs: bulk replays and destination test sends, queued in PostgreSQL, claimed
 * by workers with a lease, with their progress for people to follow.
 */
package io.switchboard.core.job;
