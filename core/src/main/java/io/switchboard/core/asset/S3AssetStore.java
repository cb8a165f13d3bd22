package io.switchboard.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Keeps assets as objects in an S3-compatible store, one per asset at
 * {@code <prefix><tenant>/<event>/<asset>}; ranges are read with ranged GETs.
 */
public class S3AssetStore implements AssetStore, AutoCloseable {

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	public S3AssetStore(AssetsProperties.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("switchboard.assets.s3.bucket is not set: name the bucket for assets");
		}
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			// checksums only where S3 requires them: the newer default (CRC trailers) is
			// not understood by every S3-compatible store, and the sealed chunks carry
			// their own authentication
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(credentials(settings));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		this.client = builder.build();
		this.bucket = settings.bucket();
		this.prefix = (settings.prefix() != null) ? settings.prefix() : "";
	}

	private static AwsCredentialsProvider credentials(AssetsProperties.S3 settings) {
		return (settings.accessKey() != null && !settings.accessKey().isBlank())
				? StaticCredentialsProvider
					.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
				: DefaultCredentialsProvider.builder().build();
	}

	@Override
	public void put(String key, Path sealed) throws IOException {
		try {
			this.client.putObject(
					(put) -> put.bucket(this.bucket).key(this.prefix + key).contentType("application/octet-stream"),
					RequestBody.fromFile(sealed));
		}
		catch (SdkException ex) {
			throw new IOException("Could not store asset " + key + " in bucket " + this.bucket, ex);
		}
	}

	@Override
	public InputStream read(String key, long offset, long length) throws IOException {
		try {
			return this.client.getObject((get) -> get.bucket(this.bucket)
				.key(this.prefix + key)
				.range("bytes=" + offset + "-" + (offset + length - 1)));
		}
		catch (SdkException ex) {
			throw new IOException("Could not read asset " + key + " from bucket " + this.bucket, ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.client.deleteObject((delete) -> delete.bucket(this.bucket).key(this.prefix + key));
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete asset " + key + " from bucket " + this.bucket, ex);
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	@Override
	public String toString() {
		return "S3AssetStore[" + this.bucket + "]";
	}

}
