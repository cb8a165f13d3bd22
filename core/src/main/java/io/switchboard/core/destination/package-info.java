/**
 * Destinations: where events are relayed to (Zapier, n8n, Make, any endpoint), with their
 * signing secrets.
 */
package io.switchboard.core.destination;
