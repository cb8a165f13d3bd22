/**
 * {@code /notifications}: the tenant's notification channels and their test notices.
 */
package io.switchboard.admin.notification;
