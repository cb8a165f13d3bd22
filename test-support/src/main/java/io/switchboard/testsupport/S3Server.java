package io.switchboard.testsupport;

import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server (s3proxy, objects in memory) on a free loopback port, with one bucket,
 * for the S3 asset store's tests. s3proxy is an optional dependency here: a module whose
 * tests use this declares it (test scope) itself.
 */
public final class S3Server implements AutoCloseable {

	public static final String BUCKET = "switchboard-assets";

	public static final String ACCESS_KEY = "access";

	public static final String SECRET_KEY = "secret-key-for-tests";

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	private S3Server(S3Proxy proxy, BlobStoreContext context) {
		this.proxy = proxy;
		this.context = context;
	}

	/**
	 * Starts one.
	 * @return the running server
	 * @throws Exception if it does not start
	 */
	public static S3Server start() throws Exception {
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials(ACCESS_KEY, SECRET_KEY)
			.build(BlobStoreContext.class);
		BlobStore blobs = context.getBlobStore();
		blobs.createContainerInLocation(null, BUCKET);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(blobs)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return new S3Server(proxy, context);
	}

	/**
	 * Its address.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	/**
	 * The properties that point Switchboard's asset store at it.
	 * @return {@code switchboard.assets.*} properties
	 */
	public java.util.Map<String, String> properties() {
		return java.util.Map.of("switchboard.assets.store", "s3", "switchboard.assets.s3.endpoint",
				endpoint().toString(), "switchboard.assets.s3.bucket", BUCKET, "switchboard.assets.s3.path-style",
				"true", "switchboard.assets.s3.access-key", ACCESS_KEY, "switchboard.assets.s3.secret-key", SECRET_KEY);
	}

	/**
	 * How many objects the bucket holds.
	 * @return the count
	 */
	public long objects() {
		return this.context.getBlobStore().countBlobs(BUCKET);
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.context.close();
	}

}
