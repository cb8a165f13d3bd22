package io.switchboard.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Posts provider events over HTTP/1.1 with a large connection pool (like many provider
 * servers), recording each answer in the ledger.
 */
public final class InboundSender implements AutoCloseable {

	private final ConnectionProvider connections;

	private final HttpClient client;

	private final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * A sender.
	 * @param maxConnections the pool size
	 */
	public InboundSender(int maxConnections) {
		this.connections = ConnectionProvider.builder("bench-providers")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		this.client = HttpClient.create(this.connections)
			.protocol(HttpProtocol.HTTP11)
			.responseTimeout(Duration.ofSeconds(30));
	}

	/**
	 * Sends one event; the ledger learns the answer (0 when there is none).
	 * @param ledger the ledger
	 * @param seq the event's sequence number
	 * @param event the request
	 * @return completes when answered
	 */
	public Mono<Integer> send(Ledger ledger, int seq, ProviderEvents.SignedEvent event) {
		this.inFlight.incrementAndGet();
		return this.client.headers((headers) -> {
			headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			event.headers().forEach(headers::set);
		})
			.post()
			.uri(event.url())
			.send((request, out) -> out.sendByteArray(Mono.just(event.body())))
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
			.onErrorReturn(0)
			.doOnNext((status) -> ledger.acknowledged(seq, status, System.nanoTime()))
			.doFinally((signal) -> this.inFlight.decrementAndGet());
	}

	/**
	 * Requests sent and not answered yet.
	 * @return how many
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

}
