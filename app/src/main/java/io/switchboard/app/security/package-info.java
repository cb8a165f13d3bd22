/**
 * What no role's security chain claims: health and info open, the rest of actuator
 * closed.
 */
package io.switchboard.app.security;
