/**
 * Tenants: the organisations that own sources, destinations, events and everything else.
 */
package io.switchboard.core.tenant;
