/**
 * The egress (SSRF) guard: which addresses deliveries may connect to, checked at connect
 * time.
 */
package io.switchboard.worker.egress;
