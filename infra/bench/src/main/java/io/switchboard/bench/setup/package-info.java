/**
 * Tenants, tokens, sources, destinations and routes for a run, made through the REST API
 * exactly as the README's walkthrough makes them.
 */
package io.switchboard.bench.setup;
