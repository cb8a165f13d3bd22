/**
 * {@code GET /a/{tenant}/{asset}}: archived assets behind Switchboard's signed, expiring
 * links, with byte ranges.
 */
package io.switchboard.api.asset;
