/**
 * The scenarios: each drives the running Switchboard and returns its figures and the
 * targets of issue 8 they are held against.
 */
package io.switchboard.bench.scenario;
