/**
 * The embedded default: with no database configured, a real PostgreSQL and a master key
 * kept in the data directory.
 */
package io.switchboard.app.embedded;
