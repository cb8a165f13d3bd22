/**
 * Event and delivery pages: the self-refreshing list with filters, one event with every
 * delivery and attempt, dead letters and their replay.
 */
package io.switchboard.admin.event;
