package io.switchboard.core.asset;

/**
 * What was stored of a fetched asset.
 *
 * @param contentType its content type, as its server stated it
 * @param bytes its size
 * @param sha256 the hex SHA-256 of its bytes
 */
public record StoredAsset(String contentType, long bytes, String sha256) {

}
