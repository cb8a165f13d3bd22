/**
 * {@code /issues}: what is wrong with the tenant's relay, and acknowledging or resolving
 * it.
 */
package io.switchboard.admin.issue;
