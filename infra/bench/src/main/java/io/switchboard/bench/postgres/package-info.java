/**
 * The PostgreSQL the harness owns (Debian's binaries, so it can stop and start it and run
 * {@code pgbench} beside it) and the {@code pgbench} baseline.
 */
package io.switchboard.bench.postgres;
