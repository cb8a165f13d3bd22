/**
 * The executable: one jar that plays the roles {@code switchboard.roles} names.
 */
package io.switchboard.app;
