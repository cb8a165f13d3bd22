/**
 * What every portal page shares: the signed-in member and CSRF token in the model,
 * not-found pages, the inbound URL base, the home page.
 */
package io.switchboard.admin.page;
