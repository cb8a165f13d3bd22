/**
 * Per-destination protection (Resilience4j, keyed by destination id): circuit breaker,
 * bulkhead, rate limiter.
 */
package io.switchboard.worker.guard;
