package io.switchboard.worker.asset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.FetchFailure;
import io.switchboard.core.asset.LeasedAsset;
import io.switchboard.core.asset.StoredAsset;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.egress.EgressRefusedException;
import io.switchboard.worker.egress.GuardedResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fetches one asset into the store: a GET through the egress guard (the address actually
 * connected to is checked, redirects included), its body streamed chunk by chunk into the
 * sealer (never whole in memory; at most a few chunks wait for the disk), cut off past
 * the size limit, when nothing arrives for the idle timeout, or when the whole fetch
 * takes too long. Its own connection pool, apart from deliveries'.
 */
class AssetFetcher {

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient client;

	private final EgressPolicy policy;

	private final ArchivedAssets archive;

	private final Scheduler disk;

	private final long maxBytes;

	private final Duration idleTimeout;

	private final Duration fetchTimeout;

	AssetFetcher(EgressPolicy policy, ArchivedAssets archive, Scheduler disk, FetchLimits limits) {
		this.policy = policy;
		this.archive = archive;
		this.disk = disk;
		this.maxBytes = limits.maxBytes();
		this.idleTimeout = limits.idleTimeout();
		this.fetchTimeout = limits.fetchTimeout();
		HttpClient http = HttpClient
			.create(ConnectionProvider.builder("switchboard-assets").maxConnections(limits.maxConnections()).build())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.connectTimeout().toMillis())
			.responseTimeout(limits.idleTimeout())
			.followRedirect((request, response) -> response.status().code() / 100 == 3
					&& request.redirectedFrom().length < MAX_REDIRECTS);
		this.client = GuardedResolver.guard(http, policy);
	}

	/**
	 * Fetches and stores an asset.
	 * @param leased the asset
	 * @return what was stored; a {@link FetchProblem} saying why not
	 */
	Mono<StoredAsset> fetch(LeasedAsset leased) {
		return Mono.defer(() -> {
			URI uri = URI.create(leased.sourceUrl());
			String refused = this.policy.checkUrl(uri).orElse(null);
			if (refused != null) {
				return Mono.error(new FetchProblem(FetchFailure.REFUSED, refused.replace("destination", "asset")));
			}
			AtomicReference<String> contentType = new AtomicReference<>("application/octet-stream");
			return Mono
				.usingWhen(Mono.fromCallable(() -> this.archive.begin(leased.storageKey())).subscribeOn(this.disk),
						(sealer) -> this.client.get()
							.uri(uri)
							.responseConnection(
									(response, connection) -> receive(response, connection, sealer, contentType))
							.then(Mono.fromCallable(() -> sealer.finish(contentType.get())).subscribeOn(this.disk)),
						(sealer) -> Mono.empty(),
						(sealer, error) -> Mono.fromRunnable(sealer::abandon).subscribeOn(this.disk),
						(sealer) -> Mono.fromRunnable(sealer::abandon).subscribeOn(this.disk))
				.timeout(this.fetchTimeout)
				.onErrorMap(AssetFetcher::problem);
		});
	}

	private Flux<Void> receive(HttpClientResponse response, Connection connection, ArchivedAssets.Sealer sealer,
			AtomicReference<String> contentType) {
		int status = response.status().code();
		if (status / 100 != 2) {
			return Flux.error(FetchProblem.status(status));
		}
		String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
		if (length != null && Long.parseLong(length) > this.maxBytes) {
			return Flux.error(tooLarge());
		}
		String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
		if (type != null) {
			contentType.set(type);
		}
		return connection.inbound()
			.receive()
			.asByteArray()
			.timeout(this.idleTimeout)
			.publishOn(this.disk, 4)
			.concatMap((bytes) -> Mono.fromRunnable(() -> {
				if (sealer.written() + bytes.length > this.maxBytes) {
					throw tooLarge();
				}
				try {
					sealer.write(ByteBuffer.wrap(bytes));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}), 1);
	}

	private FetchProblem tooLarge() {
		return new FetchProblem(FetchFailure.TOO_LARGE, "The asset is larger than " + this.maxBytes + " bytes");
	}

	private static Throwable problem(Throwable error) {
		if (error instanceof FetchProblem) {
			return error;
		}
		if (error instanceof TimeoutException || error instanceof ReadTimeoutException
				|| error.getCause() instanceof ReadTimeoutException) {
			return new FetchProblem(FetchFailure.TIMEOUT, "The asset's server was too slow");
		}
		if (error instanceof EgressRefusedException refused) {
			return new FetchProblem(FetchFailure.REFUSED, refused.getMessage().replace("destination", "asset"));
		}
		if (error.getCause() instanceof EgressRefusedException refused) {
			return new FetchProblem(FetchFailure.REFUSED, refused.getMessage().replace("destination", "asset"));
		}
		return new FetchProblem(FetchFailure.ERROR, "Could not fetch the asset: " + error.getClass().getSimpleName());
	}

	/**
	 * What one fetch may take.
	 *
	 * @param maxBytes the largest asset
	 * @param connectTimeout connecting
	 * @param idleTimeout receiving nothing
	 * @param fetchTimeout the whole fetch
	 * @param maxConnections connections open at once
	 */
	record FetchLimits(long maxBytes, Duration connectTimeout, Duration idleTimeout, Duration fetchTimeout,
			int maxConnections) {

	}

}
