/**
 * Sources: a provider account (MiniVoice, Minari, any HMAC sender) that posts to its own
 * inbound URL.
 */
package io.switchboard.core.source;
