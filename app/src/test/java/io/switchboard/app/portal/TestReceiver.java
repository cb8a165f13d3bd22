package io.switchboard.app.portal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A receiver on 127.0.0.1 whose answer can be changed mid-test (200 → 500 → 200).
 */
final class TestReceiver implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicInteger received = new AtomicInteger();

	TestReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			this.received.incrementAndGet();
			byte[] answer = ("answered " + this.status.get()).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status.get(), answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void answer(int status) {
		this.status.set(status);
	}

	int received() {
		return this.received.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
