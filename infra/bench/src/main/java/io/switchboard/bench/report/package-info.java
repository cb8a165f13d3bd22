/**
 * Figures and targets of a run: the table printed at the end and the JSON file with the
 * same numbers.
 */
package io.switchboard.bench.report;
