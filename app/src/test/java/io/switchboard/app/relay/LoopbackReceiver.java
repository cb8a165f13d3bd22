package io.switchboard.app.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver on 127.0.0.1 whose answer the test changes mid-run; it records what arrives
 * (body and the webhook id).
 */
final class LoopbackReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile CountDownLatch held = new CountDownLatch(0);

	private volatile String echoed;

	LoopbackReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void answer(int status) {
		this.status = status;
	}

	/**
	 * Answers from now on with the value of a request header in its body and in its own
	 * {@code X-Echo} header, as careless receivers do.
	 * @param header the request header
	 */
	void echo(String header) {
		this.echoed = header;
	}

	/**
	 * Holds every request from now on without answering, until {@link #release()}.
	 */
	void hold() {
		this.held = new CountDownLatch(1);
	}

	void release() {
		this.held.countDown();
	}

	List<Arrival> arrivals() {
		return List.copyOf(this.arrivals);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.arrivals.add(new Arrival(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("switchboard-test")));
		}
		try {
			this.held.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String echo = (this.echoed != null) ? exchange.getRequestHeaders().getFirst(this.echoed) : null;
		if (echo == null) {
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
			return;
		}
		byte[] body = ("{\"you sent\":\"" + echo + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("X-Echo", echo);
		exchange.sendResponseHeaders(this.status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
	}

	record Arrival(String body, String webhookId, String test) {

	}

}
