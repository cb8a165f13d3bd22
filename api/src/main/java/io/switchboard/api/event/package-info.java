/**
 * {@code /api/v1/events}: what arrived, byte for byte, and where it went.
 */
package io.switchboard.api.event;
