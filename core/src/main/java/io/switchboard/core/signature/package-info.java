/**
 * Inbound signature verification: one scheme per provider, over the raw body, in constant
 * time, with the source's current or previous secret.
 */
package io.switchboard.core.signature;
