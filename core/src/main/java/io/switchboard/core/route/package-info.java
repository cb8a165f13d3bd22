/**
 * Routes: which of a source's events go to which destination, and in what order.
 */
package io.switchboard.core.route;
