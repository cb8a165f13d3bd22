/**
 * {@code /api/v1/jobs}: the progress of a tenant's background jobs (bulk replays, test
 * sends).
 */
package io.switchboard.api.job;
