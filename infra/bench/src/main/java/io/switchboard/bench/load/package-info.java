/**
 * The load: signed provider events, sent open-loop at a fixed rate (each request has an
 * intended send time and its latency counts from it, so a stall cannot hide its own
 * backlog), or closed-loop to find the maximum rate; and the ledger of what was sent,
 * acknowledged and received.
 */
package io.switchboard.bench.load;
