/**
 * People who sign in: their email, password hash and role in their tenant.
 */
package io.switchboard.core.user;
