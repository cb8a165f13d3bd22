/**
 * {@code POST /api/v1/signup}: a new tenant and its owner, from nothing.
 */
package io.switchboard.api.signup;
