/**
 * One call-event schema for MiniVoice and Minari, so one no-code flow serves both
 * providers.
 */
package io.switchboard.core.normalized;
