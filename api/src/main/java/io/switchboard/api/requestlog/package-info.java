/**
 * One log line per REST API request: method, path, status, duration and the calling
 * tenant, never a header, query or body.
 */
package io.switchboard.api.requestlog;
