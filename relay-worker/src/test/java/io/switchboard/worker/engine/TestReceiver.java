package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 that records what arrives and answers what the test
 * says, changeable mid-test (500 now, 200 later).
 */
final class TestReceiver implements AutoCloseable {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

	private final AtomicReference<Map<String, String>> headers = new AtomicReference<>(Map.of());

	private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

	private final Sinks.Empty<Void> released = Sinks.empty();

	private final java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();

	private final DisposableServer server;

	TestReceiver() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/hook",
					(request, response) -> request.receive()
						.aggregate()
						.asString(StandardCharsets.UTF_8)
						.defaultIfEmpty("")
						.flatMap((body) -> {
							Map<String, List<String>> headers = new HashMap<>();
							request.requestHeaders()
								.forEach((entry) -> headers
									.computeIfAbsent(entry.getKey().toLowerCase(), (key) -> new ArrayList<>())
									.add(entry.getValue()));
							this.received.add(new Received(headers, body, System.nanoTime()));
							this.maxConcurrent.accumulateAndGet(this.concurrent.incrementAndGet(), Math::max);
							this.headers.get().forEach(response::header);
							return Mono.firstWithSignal(Mono.delay(this.delay.get()).then(), this.released.asMono())
								.then(response.status(this.status.get())
									.sendString(Mono.just("{\"seen\":true}"))
									.then())
								.doFinally((signal) -> this.concurrent.decrementAndGet());
						})))
			.bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port() + "/hook";
	}

	void answer(int status) {
		answer(status, Map.of());
	}

	void answer(int status, Map<String, String> headers) {
		this.headers.set(headers);
		this.status.set(status);
	}

	void answerAfter(Duration delay) {
		this.delay.set(delay);
	}

	/**
	 * Answers every request held by {@link #answerAfter} now, and those that come later
	 * at once.
	 */
	void release() {
		this.released.tryEmitEmpty();
	}

	int maxConcurrent() {
		return this.maxConcurrent.get();
	}

	List<Received> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	record Received(Map<String, List<String>> headers, String body, long atNanos) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase());
			return (values != null) ? values.get(0) : null;
		}

	}

}
