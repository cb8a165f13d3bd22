/**
 * Secrets at rest: AES-GCM under the master key from configuration, bound to the row they
 * belong to.
 */
package io.switchboard.core.secret;
