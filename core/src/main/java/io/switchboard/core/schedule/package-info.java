/**
 * Work a process repeats on an interval for as long as it runs.
 */
package io.switchboard.core.schedule;
