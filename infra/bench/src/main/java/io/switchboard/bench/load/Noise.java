package io.switchboard.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.bench.setup.BenchTenant;

/**
 * One tenant doing what no sender should, for a while: correctly signed poison events (a
 * NUL in the event type) from 32 connections at 480 a second in all, 24 uploads that
 * declare almost a megabyte and send it a byte at a time (a new one at most every 100 ms
 * each), and 200 requests a second to made-up inbound URLs. The rates are fixed so that
 * the harness, which shares the machine, measures Switchboard rather than itself. Every
 * answer is counted by kind and status.
 */
public final class Noise {

	private static final int POISON_SENDERS = 32;

	private static final int SLOW_UPLOADS = 24;

	private static final int URL_GUESSERS = 8;

	private final BenchTenant.BenchSource source;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private volatile long until;

	/**
	 * Noise from a tenant's MiniVoice source.
	 * @param tenant the noisy tenant
	 */
	public Noise(BenchTenant tenant) {
		this.source = tenant.sources()
			.stream()
			.filter((candidate) -> candidate.provider().equals("minivoice"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Makes the noise, from threads of its own, until the time is up.
	 * @param duration how long
	 * @return the threads, to join
	 */
	public List<Thread> start(Duration duration) {
		this.until = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < POISON_SENDERS; i++) {
			threads.add(started(() -> repeat("poison", this::poison, 15)));
		}
		for (int i = 0; i < SLOW_UPLOADS; i++) {
			threads.add(started(() -> repeat("slow-upload", this::slowUpload, 10)));
		}
		for (int i = 0; i < URL_GUESSERS; i++) {
			threads.add(started(() -> repeat("unknown-url", this::unknownUrl, 25)));
		}
		return threads;
	}

	private static Thread started(Runnable work) {
		Thread thread = new Thread(work, "noise");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Ends the noise: each sender stops after its request in flight. */
	public void stop() {
		this.until = System.nanoTime();
	}

	/**
	 * The answers so far.
	 * @return count by "kind status" (status 0: no answer)
	 */
	public Map<String, Long> answers() {
		Map<String, Long> counts = new TreeMap<>();
		this.answers.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

	private void repeat(String kind, Request request, int perSecond) {
		long interval = 1_000_000_000L / perSecond;
		long next = System.nanoTime();
		while (System.nanoTime() < this.until) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				try {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			next = Math.max(next + interval, System.nanoTime() - interval);
			int status;
			try {
				status = request.send();
			}
			catch (IOException ex) {
				status = 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.answers.computeIfAbsent(kind + " " + status, (key) -> new LongAdder()).increment();
		}
	}

	private int poison() throws IOException, InterruptedException {
		byte[] body = ("{\"event\":\"call.completed\\u0000\",\"created_at\":\"" + Instant.now()
				+ "\",\"call\":{\"id\":\"noisy_" + this.sequence.incrementAndGet() + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return post(this.source.inboundUrl(), body, BadRequests.signature(this.source.secret(), timestamp, body));
	}

	private int unknownUrl() throws IOException, InterruptedException {
		String url = this.source.inboundUrl()
			.replaceAll("/in/.*$", "/in/" + UUID.randomUUID().toString().replace("-", ""));
		return post(url, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/**
	 * Declares 1 000 000 bytes, then sends one every 50 ms until answered or the time is
	 * up.
	 */
	private int slowUpload() throws IOException, InterruptedException {
		URI uri = URI.create(this.source.inboundUrl());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
					+ "\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			try {
				while (System.nanoTime() < this.until && socket.getInputStream().available() == 0) {
					Thread.sleep(50);
					out.write(' ');
					out.flush();
				}
			}
			catch (IOException ex) {
				// the server gave up on us: read its answer, if any
			}
			return BadRequests.status(socket.getInputStream());
		}
	}

	private int post(String url, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
		return BadRequests.post(this.client, url, body, headers);
	}

	@FunctionalInterface
	private interface Request {

		int send() throws IOException, InterruptedException;

	}

}
