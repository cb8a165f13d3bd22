package io.switchboard.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.bench.setup.BenchTenant;

/**
 * Requests no webhook relay may take: forged and malformed signatures, stale timestamps,
 * oversized and truncated bodies, unknown URLs, and slow senders (slowloris). Every body
 * carries the marker {@link #MARKER}, so the database can be searched for any that was
 * stored. Answers are counted by kind and status; a request the server cut off counts as
 * status 0.
 */
public final class BadRequests {

	/** In every bad body: none may ever be stored. */
	public static final String MARKER = "bench_bad_input";

	/** The kinds, sent in turn. */
	public static final List<String> KINDS = List.of("forged", "malformed-signature", "missing-timestamp", "stale",
			"oversized", "unknown-url", "truncated", "slow");

	private static final HexFormat HEX = HexFormat.of();

	private final List<BenchTenant.BenchSource> sources;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();

	public BadRequests(List<BenchTenant> tenants) {
		this.sources = tenants.stream()
			.flatMap((tenant) -> tenant.sources().stream())
			.filter((source) -> source.provider().equals("minivoice"))
			.toList();
	}

	/**
	 * Whether request number {@code n} is a slow one (it holds a connection for long).
	 * @param n the request's number
	 * @return whether it is
	 */
	public static boolean slow(int n) {
		return KINDS.get(n % KINDS.size()).equals("slow");
	}

	/**
	 * Sends bad request number {@code n} (its kind is {@code KINDS[n % KINDS.size()]})
	 * and counts the answer.
	 * @param n the request's number
	 * @param slowFor how long a slow sender dribbles its body
	 */
	public void send(int n, Duration slowFor) {
		String kind = KINDS.get(n % KINDS.size());
		BenchTenant.BenchSource source = this.sources.get(n % this.sources.size());
		int status;
		try {
			status = switch (kind) {
				case "forged" -> post(source.inboundUrl(), miniVoice(n, 600), signed("not-the-secret", now(), n));
				case "malformed-signature" -> post(source.inboundUrl(), miniVoice(n, 600),
						Map.of("X-MiniVoice-Timestamp", now(), "X-MiniVoice-Signature", "v1=zz" + n));
				case "missing-timestamp" -> post(source.inboundUrl(), miniVoice(n, 600),
						Map.of("X-MiniVoice-Signature", "v1=" + "ab".repeat(32)));
				case "stale" -> {
					String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
					byte[] body = miniVoice(n, 600);
					yield post(source.inboundUrl(), body, signature(source.secret(), old, body));
				}
				case "oversized" -> {
					byte[] body = miniVoice(n, 1_100_000);
					yield post(source.inboundUrl(), body, signature(source.secret(), now(), body));
				}
				case "unknown-url" ->
					post(source.inboundUrl().replaceAll("/in/.*$", "/in/nope" + n + "xxxxxxxxxxxxxxxxxxxx"),
							miniVoice(n, 600), Map.of());
				case "truncated" -> {
					byte[] body = miniVoice(n, 1200);
					yield raw(source, body, signature(source.secret(), now(), body), body.length / 2, Duration.ZERO);
				}
				default -> {
					// forged too: a slow sender that finishes within the body
					// timeout is still refused
					byte[] body = miniVoice(n, 1200);
					yield raw(source, body, signature("not-the-secret", now(), body), body.length, slowFor);
				}
			};
		}
		catch (IOException | InterruptedException ex) {
			status = 0;
		}
		this.answers.computeIfAbsent(kind + " " + status, (key) -> new LongAdder()).increment();
	}

	/**
	 * The answers so far.
	 * @return count by "kind status"
	 */
	public Map<String, Long> answers() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.answers.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

	private int post(String url, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
		return post(this.client, url, body, headers);
	}

	static int post(HttpClient client, String url, byte[] body, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * A request written by hand: {@code sent} bytes of the declared body, then
	 * (truncated) the end of the request, or (slow) one byte at a time spread over
	 * {@code slowFor}.
	 */
	private static int raw(BenchTenant.BenchSource source, byte[] body, Map<String, String> headers, int sent,
			Duration slowFor) throws IOException, InterruptedException {
		URI uri = URI.create(source.inboundUrl());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder(
					"POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
							+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			try {
				if (slowFor.isZero()) {
					out.write(body, 0, sent);
					out.flush();
					socket.shutdownOutput();
				}
				else {
					long pause = Math.max(1, slowFor.toMillis() / body.length);
					for (int i = 0; i < sent && !socket.isInputShutdown(); i++) {
						out.write(body[i]);
						out.flush();
						if (socket.getInputStream().available() > 0) {
							break;
						}
						Thread.sleep(pause);
					}
				}
			}
			catch (IOException ex) {
				// the server gave up on us: read its answer, if any
			}
			return status(socket.getInputStream());
		}
	}

	static int status(InputStream in) {
		try {
			byte[] line = new byte[12];
			int read = in.readNBytes(line, 0, line.length);
			String text = new String(line, 0, read, StandardCharsets.US_ASCII);
			return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

	private static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	private static byte[] miniVoice(int n, int size) {
		StringBuilder body = new StringBuilder(
				"{\"event\":\"call.completed\",\"created_at\":\"" + Instant.now() + "\",\"call\":{\"id\":\"call_bad_"
						+ n + "\",\"status\":\"completed\"},\"variables\":{\"" + MARKER + "\":\"");
		while (body.length() < size) {
			body.append("padding ");
		}
		return body.append("\"},\"data\":{}}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> signed(String secret, String timestamp, int n) {
		return signature(secret, timestamp, miniVoice(n, 600));
	}

	static Map<String, String> signature(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Map.of("X-MiniVoice-Timestamp", timestamp, "X-MiniVoice-Signature",
					"v1=" + HEX.formatHex(mac.doFinal(body)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
