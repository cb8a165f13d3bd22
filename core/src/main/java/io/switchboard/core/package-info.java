/**
 * Switchboard's domain core: ids, roles, secrets at rest, the schema and the repositories
 * every role shares.
 */
package io.switchboard.core;
