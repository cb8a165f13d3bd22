/**
 * {@code /api/v1/routes}: which of a source's events go to which destination.
 */
package io.switchboard.api.route;
