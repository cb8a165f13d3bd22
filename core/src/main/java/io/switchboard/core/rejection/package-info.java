/**
 * Requests refused at the inbound endpoint: why, when and from where, never their body;
 * capped per source.
 */
package io.switchboard.core.rejection;
