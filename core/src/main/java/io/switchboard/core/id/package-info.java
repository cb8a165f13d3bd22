/**
 * Typed, prefixed, time-ordered identifiers ({@code evt_…}, {@code dlv_…}) over UUIDv7.
 */
package io.switchboard.core.id;
