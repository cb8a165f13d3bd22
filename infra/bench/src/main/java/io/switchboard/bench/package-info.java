/**
 * The benchmark and chaos harness ({@code infra/bench/run.sh}): starts PostgreSQL and
 * Switchboard, runs the scenarios, prints and writes their figures.
 */
package io.switchboard.bench;
