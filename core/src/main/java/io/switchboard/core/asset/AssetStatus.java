package io.switchboard.core.asset;

import java.util.Locale;

/**
 * Where an asset is: waiting to be fetched (or fetched again), kept, or given up on.
 */
public enum AssetStatus {

	/** Not fetched yet; tried again until its link expires. */
	PENDING,

	/** Kept in the asset store. */
	ARCHIVED,

	/** Given up on, with a reason. */
	FAILED;

	/**
	 * The value in the {@code asset.status} column and the API.
	 * @return the lower-case name
	 */
	public String columnValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static AssetStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
