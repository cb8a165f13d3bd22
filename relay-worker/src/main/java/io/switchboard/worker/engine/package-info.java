/**
 * The delivery engine: a loop of named phases (lease, prepare, send, record) over the
 * durable queue.
 */
package io.switchboard.worker.engine;
