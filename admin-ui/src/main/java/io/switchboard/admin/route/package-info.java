/**
 * Route pages: which source's events go to which destination, with an event filter and an
 * ordering option.
 */
package io.switchboard.admin.route;
