/**
 * The destinations' side: a local HTTP receiver that answers fast, slowly, with 500 or
 * never, and records when each event arrived on the load generator's clock.
 */
package io.switchboard.bench.receiver;
