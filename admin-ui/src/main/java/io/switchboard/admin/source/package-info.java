/**
 * Source pages: the provider picker, the inbound URL and secret, per-provider set-up
 * steps with a signed test request, rotation and recent rejections.
 */
package io.switchboard.admin.source;
