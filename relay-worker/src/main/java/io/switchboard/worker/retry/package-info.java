/**
 * When to try a delivery again: what a receiver's answer means and how long to wait.
 */
package io.switchboard.worker.retry;
