/**
 * {@code /api/v1/issues}: what is wrong with a tenant's relay.
 */
package io.switchboard.api.issue;
