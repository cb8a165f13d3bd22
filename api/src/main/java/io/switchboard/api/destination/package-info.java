/**
 * {@code /api/v1/destinations}: where a tenant's events go; the signing secret is shown
 * once.
 */
package io.switchboard.api.destination;
