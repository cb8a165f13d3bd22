package io.switchboard.bench.receiver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.switchboard.bench.load.Ledger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A webhook receiver on {@code 127.0.0.1}. Paths choose its behaviour:
 * <ul>
 * <li>{@code /fast/…}: records the arrival, answers 200 at once;</li>
 * <li>{@code /slow/…}: answers 200 after a second;</li>
 * <li>{@code /fail/…}: answers 500;</li>
 * <li>{@code /glacial/…}: answers 200 after 59 seconds;</li>
 * <li>{@code /hang/…}: reads the request and never answers.</li>
 * </ul>
 * While {@link #down(boolean) down}, every path answers 503. Arrivals on {@code /fast}
 * are given to the current ledger with the sequence number the payload carries.
 */
public final class Receiver implements AutoCloseable {

	private static final byte[] MARKER = "\"bench_seq\":\"".getBytes(StandardCharsets.US_ASCII);

	private final DisposableServer server;

	private volatile Ledger ledger;

	private volatile boolean down;

	private final AtomicLong fast = new AtomicLong();

	private final AtomicLong other = new AtomicLong();

	private Receiver(int port) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.post("/fast/{name}", this::fast)
				.post("/slow/{name}", (request, response) -> answerLater(request, response, Duration.ofSeconds(1)))
				.post("/fail/{name}", (request, response) -> answer(request, response, 500))
				.post("/glacial/{name}", (request, response) -> answerLater(request, response, Duration.ofSeconds(59)))
				.post("/hang/{name}", (request, response) -> request.receive().then().then(Mono.never())))
			.bindNow();
	}

	/**
	 * Starts a receiver.
	 * @param port its port, 0 for any
	 * @return the running receiver
	 */
	public static Receiver start(int port) {
		return new Receiver(port);
	}

	/**
	 * The URL of a path.
	 * @param kind {@code fast}, {@code slow}, {@code fail}, {@code glacial} or
	 * {@code hang}
	 * @param name anything, to tell destinations apart in logs
	 * @return the URL
	 */
	public String url(String kind, String name) {
		return "http://127.0.0.1:" + this.server.port() + "/" + kind + "/" + name;
	}

	/**
	 * Where arrivals go from now on.
	 * @param ledger the current scenario's ledger
	 */
	public void record(Ledger ledger) {
		this.ledger = ledger;
	}

	/**
	 * Takes the receiver down (503 to everything) or back up.
	 * @param down whether it is down
	 */
	public void down(boolean down) {
		this.down = down;
	}

	/**
	 * Requests to {@code /fast} answered 200 so far.
	 * @return the count
	 */
	public long fastArrivals() {
		return this.fast.get();
	}

	/**
	 * Requests to any path while down, or to the other paths.
	 * @return the count
	 */
	public long otherArrivals() {
		return this.other.get();
	}

	private Mono<Void> fast(HttpServerRequest request, HttpServerResponse response) {
		if (this.down) {
			return answer(request, response, 503);
		}
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			long now = System.nanoTime();
			this.fast.incrementAndGet();
			Ledger current = this.ledger;
			if (current != null) {
				recordArrival(current, body, now);
			}
			return response.status(200).sendString(Mono.just("ok")).then();
		});
	}

	private static void recordArrival(Ledger ledger, byte[] body, long now) {
		int at = indexOf(body, MARKER);
		if (at < 0) {
			return;
		}
		int i = at + MARKER.length;
		int scenario = 0;
		while (i < body.length && body[i] != '.') {
			scenario = scenario * 10 + (body[i++] - '0');
		}
		int seq = 0;
		for (i++; i < body.length && body[i] != '"'; i++) {
			seq = seq * 10 + (body[i] - '0');
		}
		if (scenario == ledger.scenario()) {
			ledger.received(seq, now);
		}
	}

	private static int indexOf(byte[] body, byte[] marker) {
		outer: for (int i = 0; i <= body.length - marker.length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (body[i + j] != marker[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, int status) {
		this.other.incrementAndGet();
		return request.receive()
			.map(ByteBuf::readableBytes)
			.then(Mono.defer(() -> response.status(this.down ? 503 : status).sendString(Mono.just("no")).then()));
	}

	private Mono<Void> answerLater(HttpServerRequest request, HttpServerResponse response, Duration delay) {
		this.other.incrementAndGet();
		return request.receive()
			.then()
			.then(Mono.delay(delay))
			.then(Mono.defer(() -> response.status(200).sendString(Mono.just("ok")).then()));
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
