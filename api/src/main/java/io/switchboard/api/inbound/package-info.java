/**
 * The inbound endpoint {@code POST /in/{token}}: find the source, limit, verify, store,
 * acknowledge only after commit.
 */
package io.switchboard.api.inbound;
