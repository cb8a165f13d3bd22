/**
 * {@code /api/v1/sources}: create, list, read, change, delete and rotate the secret of a
 * tenant's sources.
 */
package io.switchboard.api.source;
