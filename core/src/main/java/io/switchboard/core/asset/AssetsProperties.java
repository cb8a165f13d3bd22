package io.switchboard.core.asset;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How assets are fetched, stored and linked to.
 *
 * @param store where archived assets are kept: {@code file} (under {@link #directory}) or
 * {@code s3}
 * @param directory the file store's folder; by default {@code assets} in
 * {@code switchboard.data-dir}
 * @param s3 the S3-compatible store
 * @param maxBytes the largest asset fetched; a larger one fails as {@code too-large}
 * @param linkTtl how long a Switchboard asset link works
 * @param pollInterval how often workers look for assets to fetch
 * @param maxFetches the most fetches in flight per worker process
 * @param maxFetchesPerTenant the most fetches in flight for one tenant, across workers
 * @param connectTimeout how long connecting to the asset's server may take
 * @param idleTimeout how long a fetch may receive nothing before it is cut off
 * @param fetchTimeout how long one whole fetch may take
 * @param firstRetry the wait before the second try; it doubles after each failure
 * @param maxRetry the longest wait between tries
 * @param retryWithoutExpiry how long to keep trying a link that states no expiry
 * @param deliveryWait how long a delivery to a destination that wants archived links
 * waits for the event's assets before it goes with the original links
 */
@ConfigurationProperties("switchboard.assets")
public record AssetsProperties(@DefaultValue("file") String store, Path directory, @DefaultValue S3 s3,
		@DefaultValue("209715200") long maxBytes, @DefaultValue("7d") Duration linkTtl,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("8") int maxFetches,
		@DefaultValue("2") int maxFetchesPerTenant, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration idleTimeout, @DefaultValue("10m") Duration fetchTimeout,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("30m") Duration maxRetry,
		@DefaultValue("24h") Duration retryWithoutExpiry, @DefaultValue("2m") Duration deliveryWait) {

	/**
	 * How long a worker holds an asset it fetches before another may take it.
	 * @return the fetch timeout and a minute
	 */
	public Duration leaseDuration() {
		return this.fetchTimeout.plusMinutes(1);
	}

	/**
	 * An S3-compatible object store (AWS S3, MinIO, Ceph, R2, ...).
	 *
	 * @param endpoint its URL, or none for AWS S3 itself
	 * @param bucket the bucket
	 * @param region its region
	 * @param pathStyle whether to address the bucket in the path rather than the host
	 * name (MinIO and most self-hosted stores)
	 * @param accessKey the access key, or none for the SDK's default credentials
	 * @param secretKey its secret
	 * @param prefix a prefix for every object's key
	 */
	public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyle, String accessKey, String secretKey,
			@DefaultValue("") String prefix) {

		@Override
		public String toString() {
			return "S3[" + this.endpoint + ", " + this.bucket + "]";
		}

	}

}
