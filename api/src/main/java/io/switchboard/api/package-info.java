/**
 * The inbound endpoint and the tenant REST API (role api).
 */
package io.switchboard.api;
