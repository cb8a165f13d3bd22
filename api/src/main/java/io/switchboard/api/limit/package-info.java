/**
 * Limits on the REST API: each caller's request rate and the size of request bodies.
 */
package io.switchboard.api.limit;
