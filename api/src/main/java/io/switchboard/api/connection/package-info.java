/**
 * HTTP connection hygiene for every request the process serves.
 */
package io.switchboard.api.connection;
