/**
 * Writing and reading the audit log of configuration changes made through the API.
 */
package io.switchboard.api.audit;
