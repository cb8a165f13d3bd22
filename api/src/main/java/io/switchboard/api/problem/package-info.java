/**
 * Errors as RFC 9457 {@code application/problem+json} with a stable machine {@code code},
 * from one place.
 */
package io.switchboard.api.problem;
