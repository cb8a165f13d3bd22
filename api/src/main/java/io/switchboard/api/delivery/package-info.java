/**
 * {@code /api/v1/deliveries}: replaying what was dead-lettered (or delivered and wanted
 * again).
 */
package io.switchboard.api.delivery;
