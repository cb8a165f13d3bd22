package io.switchboard.worker.engine;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.egress.GuardedResolver;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

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

	private final WebClient client;

	private final EgressPolicy policy;

	ReceiverClient(EgressPolicy policy, Duration connectTimeout, int maxConnections) {
		this.policy = policy;
		HttpClient http = HttpClient
			.create(ConnectionProvider.builder("switchboard-receivers").maxConnections(maxConnections).build())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.followRedirect(false);
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(GuardedResolver.guard(http, policy)))
			.build();
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
	 * timeout.
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
		return this.client.post()
			.uri(uri)
			.headers((all) -> headers.forEach(all::set))
			.bodyValue(body)
			.httpRequest((request) -> ((HttpClientRequest) request.getNativeRequest()).responseTimeout(timeout))
			.exchangeToMono((response) -> DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()), BODY_LIMIT))
				.map(ReceiverClient::bytes)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new ReceiverResponse(response.statusCode().value(),
						firstValues(response.headers().asHttpHeaders().toSingleValueMap()), bytes)))
			.timeout(timeout.plus(RESPONSE_SLACK));
	}

	private static Map<String, String> firstValues(Map<String, String> headers) {
		Map<String, String> lower = new LinkedHashMap<>();
		headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
		return lower;
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[Math.min(buffer.readableByteCount(), BODY_LIMIT)];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
