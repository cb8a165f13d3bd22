package io.switchboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real webhook receiver on 127.0.0.1 for tests: it records every request that arrives
 * and answers what the test says, changeable mid-test (500 now, 200 later; slow; held
 * until released; echoing a header as careless receivers do).
 */
public final class TestReceiver implements AutoCloseable {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, Map.of(), null));

	private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

	private final AtomicReference<Sinks.Empty<Void>> released = new AtomicReference<>(released());

	private final AtomicInteger concurrent = new AtomicInteger();

	private final AtomicInteger maxConcurrent = new AtomicInteger();

	private final DisposableServer server;

	/**
	 * Starts a receiver on a free port, answering 200 at once.
	 */
	public TestReceiver() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.route((request) -> true, this::handle))
			.bindNow();
	}

	/**
	 * Where to send webhooks.
	 * @return {@code http://127.0.0.1:<port>/hook}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.port() + "/hook";
	}

	/**
	 * Answers with a status from now on.
	 * @param status such as 200 or 503
	 */
	public void answer(int status) {
		answer(status, Map.of());
	}

	/**
	 * Answers with a status and response headers from now on.
	 * @param status such as 429
	 * @param headers such as {@code Retry-After}
	 */
	public void answer(int status, Map<String, String> headers) {
		this.answer.updateAndGet((current) -> new Answer(status, Map.copyOf(headers), current.echoed()));
	}

	/**
	 * Answers from now on with the value of a request header in its body and in its own
	 * {@code X-Echo} header.
	 * @param header the request header
	 */
	public void echo(String header) {
		this.answer.updateAndGet((current) -> new Answer(current.status(), current.headers(), header));
	}

	/**
	 * Waits this long before answering each request from now on, unless released.
	 * @param delay how long
	 */
	public void answerAfter(Duration delay) {
		this.delay.set(delay);
	}

	/**
	 * Holds every request from now on without answering, until {@link #release()}.
	 */
	public void hold() {
		this.released.set(released());
		this.delay.set(Duration.ofDays(1));
	}

	/**
	 * Answers every request held now, and those that come later at once (until the next
	 * {@link #hold()}).
	 */
	public void release() {
		this.released.get().tryEmitEmpty();
	}

	/**
	 * The most requests it was answering at the same time.
	 * @return the count
	 */
	public int maxConcurrent() {
		return this.maxConcurrent.get();
	}

	/**
	 * What arrived, in order.
	 * @return the requests so far
	 */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		release();
		this.server.disposeNow();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			request.requestHeaders()
				.forEach((entry) -> headers
					.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
					.add(entry.getValue()));
			Received arrival = new Received(request.uri(), headers, body, System.nanoTime());
			this.received.add(arrival);
			this.maxConcurrent.accumulateAndGet(this.concurrent.incrementAndGet(), Math::max);
			// the answer is the one set when the request arrived, even if it is held
			Mono<Void> answered = respond(arrival, this.answer.get(), response);
			Mono<Void> wait = Mono.firstWithSignal(Mono.delay(this.delay.get()).then(), this.released.get().asMono());
			// it stops counting as answering before its answer is written: a client may
			// read that answer and send its next request before this server's own
			// completion runs, which would count two where the client had one
			AtomicBoolean answering = new AtomicBoolean(true);
			Runnable ended = () -> {
				if (answering.compareAndSet(true, false)) {
					this.concurrent.decrementAndGet();
				}
			};
			return wait.then(Mono.fromRunnable(ended)).then(answered).doFinally((signal) -> ended.run());
		});
	}

	private static Mono<Void> respond(Received arrival, Answer now, HttpServerResponse response) {
		now.headers().forEach(response::header);
		String echo = (now.echoed() != null) ? arrival.header(now.echoed()) : null;
		if (echo == null) {
			return response.status(now.status()).sendString(Mono.just("{\"seen\":true}")).then();
		}
		return response.status(now.status())
			.header("X-Echo", echo)
			.sendString(Mono.just("{\"you sent\":\"" + echo + "\"}"))
			.then();
	}

	private static Sinks.Empty<Void> released() {
		return Sinks.empty();
	}

	private record Answer(int status, Map<String, String> headers, String echoed) {

	}

	/**
	 * A request that arrived.
	 *
	 * @param uri its path and query
	 * @param headers its headers, names in lower case
	 * @param body its body
	 * @param atNanos when it arrived ({@link System#nanoTime()})
	 */
	public record Received(String uri, Map<String, List<String>> headers, String body, long atNanos) {

		/**
		 * A header's first value.
		 * @param name its name, in any case
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

	}

}
