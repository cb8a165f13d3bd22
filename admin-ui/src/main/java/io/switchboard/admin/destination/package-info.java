/**
 * Destination pages: presets with their own help, every sending setting visible and
 * editable, disabled state and re-enabling, the signing secret.
 */
package io.switchboard.admin.destination;
