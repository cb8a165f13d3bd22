/**
 * The database schema: Flyway migrations applied over JDBC at start-up, before anything
 * is served.
 */
package io.switchboard.core.schema;
