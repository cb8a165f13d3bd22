package io.switchboard.worker.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.egress.GuardedResolver;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends one request to a receiver: through the egress guard (checked on the address
 * actually connected to), redirects not followed, a response timeout per destination, and
 * no more than 4 KiB of the response body read. Deliveries, test sends and notices all go
 * out through it.
 */
public class ReceiverClient {

	static final int BODY_LIMIT = 4096;

	/**
	 * How long an attempt may go on after the destination's timeout (the response timeout
	 * starts only once the request is written) before it is cut off.
	 */
	static final Duration RESPONSE_SLACK = Duration.ofSeconds(5);

	private final HttpClient http;

	private final EgressPolicy policy;

	ReceiverClient(EgressPolicy policy, Duration connectTimeout, int maxConnections) {
		this.policy = policy;
		HttpClient http = HttpClient
			.create(ConnectionProvider.builder("switchboard-receivers").maxConnections(maxConnections).build())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.followRedirect(false);
		this.http = GuardedResolver.guard(http, policy);
	}

	/**
	 * Sends and says what came of it; never fails.
	 */
	Mono<Sent> attempt(String url, Map<String, String> headers, byte[] body, Duration timeout) {
		return Mono.defer(() -> {
			long startNanos = System.nanoTime();
			return send(url, headers, body, timeout)
				.map((response) -> Sent.response(response, Duration.ofNanos(System.nanoTime() - startNanos)))
				.onErrorResume(
						(error) -> Mono.just(Sent.failure(error, Duration.ofNanos(System.nanoTime() - startNanos))));
		});
	}

	/**
	 * Sends, failing on a refused URL, a refused address, a connection error or a
	 * timeout. Through Reactor Netty itself: Spring's WebClient on top of it (exchange
	 * functions, codecs, a response object per call) was an eighth of the worker's CPU
	 * (profile in docs/BENCHMARKS.md).
	 * @param url where
	 * @param headers the headers
	 * @param body the body
	 * @param timeout how long the receiver may take to answer
	 * @return what the receiver answered
	 */
	public Mono<ReceiverResponse> send(String url, Map<String, String> headers, byte[] body, Duration timeout) {
		URI uri = URI.create(url);
		String refused = this.policy.checkUrl(uri).orElse(null);
		if (refused != null) {
			return Mono.error(new UrlRefusedException(refused));
		}
		return this.http.headers((all) -> {
			headers.forEach(all::set);
			all.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		})
			.responseTimeout(timeout)
			.post()
			.uri(uri)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.response((response,
					content) -> firstBytes(content).map((bytes) -> new ReceiverResponse(response.status().code(),
							firstValues(response.responseHeaders()), bytes)))
			.next()
			.switchIfEmpty(Mono.error(() -> new IOException("The connection ended without a response")))
			.timeout(timeout.plus(RESPONSE_SLACK));
	}

	/**
	 * The first {@value #BODY_LIMIT} bytes of the body; reading stops there (the rest is
	 * not waited for).
	 */
	private static Mono<byte[]> firstBytes(ByteBufFlux content) {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		return content.asByteArray().takeUntil((chunk) -> {
			read.write(chunk, 0, Math.min(chunk.length, BODY_LIMIT - read.size()));
			return read.size() >= BODY_LIMIT;
		}).then(Mono.fromSupplier(read::toByteArray));
	}

	/** The first value of each header, by lower-case name. */
	private static Map<String, String> firstValues(HttpHeaders headers) {
		Map<String, String> lower = new LinkedHashMap<>();
		headers.forEach((header) -> lower.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
		return lower;
	}

}
