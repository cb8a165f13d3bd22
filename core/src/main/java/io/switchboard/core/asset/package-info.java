/**
 * Assets: the files a payload links to (Minari's recording and transcript), archived
 * sealed in an {@link io.switchboard.core.asset.AssetStore} and handed out again as
 * Switchboard's own signed, expiring links.
 */
package io.switchboard.core.asset;
