/**
 * {@code /api/v1/notification-channels}: where a tenant hears of issues.
 */
package io.switchboard.api.notification;
