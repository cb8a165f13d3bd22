package io.switchboard.core.asset;

/**
 * An asset a worker holds to fetch it.
 *
 * @param asset the asset
 * @param sourceUrl its source link, a bearer secret: never logged
 */
public record LeasedAsset(Asset asset, String sourceUrl) {

	/**
	 * Where the store keeps it: {@code <tenant>/<event>/<asset>}.
	 * @return the key
	 */
	public String storageKey() {
		return this.asset.tenantId() + "/" + this.asset.eventId() + "/" + this.asset.id();
	}

	@Override
	public String toString() {
		return this.asset.toString();
	}

}
