/**
 * What the worker tells operators: meters for attempts, deferrals, the queue and the
 * circuits, and one log line per attempt.
 */
package io.switchboard.worker.telemetry;
