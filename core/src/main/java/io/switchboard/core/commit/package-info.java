/**
 * Group commit: many writers, one transaction per batch.
 */
package io.switchboard.core.commit;
