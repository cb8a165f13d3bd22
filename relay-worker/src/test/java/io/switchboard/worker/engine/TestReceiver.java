package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 that records what arrives and answers what the test
 * says, changeable mid-test (500 now, 200 later).
 */
final class TestReceiver implements AutoCloseable {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

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
							this.received.add(new Received(headers, body));
							return response.status(this.status.get()).sendString(Mono.just("{\"seen\":true}")).then();
						})))
			.bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port() + "/hook";
	}

	void answer(int status) {
		this.status.set(status);
	}

	List<Received> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	record Received(Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase());
			return (values != null) ? values.get(0) : null;
		}

	}

}
