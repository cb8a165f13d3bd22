/**
 * Switchboard as the system under test: its jar started as a separate process, its memory
 * read from {@code /proc}, killed and restarted; and running commands.
 */
package io.switchboard.bench.process;
