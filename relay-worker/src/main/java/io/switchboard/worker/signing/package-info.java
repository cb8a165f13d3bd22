/**
 * Re-signing outgoing deliveries: Standard Webhooks by default, or a provider's own
 * style.
 */
package io.switchboard.worker.signing;
