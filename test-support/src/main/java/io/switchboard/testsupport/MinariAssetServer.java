package io.switchboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback stand-in for Minari's asset server: a recording (MP3 bytes) and a transcript
 * (JSON) behind signed links that expire ({@code ?expires=<unix seconds>&sig=<hmac>}, 403
 * afterwards or when the signature is wrong, as Minari's do), and the ways fetching goes
 * wrong: a missing file (404), one larger than any limit, and a server that answers and
 * then sends nothing.
 */
public final class MinariAssetServer implements AutoCloseable {

	/** Bytes the oversized asset streams, with no Content-Length. */
	public static final int HUGE_BYTES = 3 * 1024 * 1024;

	/**
	 * 500 MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz, 417 bytes each, about
	 * 13 s): a real MP3 that a browser's audio element plays, over 3 sealed chunks.
	 */
	private final byte[] mp3 = silence(500);

	private final byte[] transcript;

	private final byte[] key = new byte[32];

	private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

	private final DisposableServer server;

	/** Starts one on a free loopback port. */
	public MinariAssetServer() {
		new SecureRandom().nextBytes(this.key);
		this.transcript = """
				{"call_id":"550e8400","turns":[{"speaker":"agent","text":"Hello, John speaking?"},\
				{"speaker":"prospect","text":"Yes, about the pricing."}]}""".getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/api/webhook-assets/{kind}/{id}", this::serve))
			.bindNow();
	}

	/**
	 * A signed link to the recording.
	 * @param validFor how long from now it works
	 * @return the link
	 */
	public String recordingUrl(Duration validFor) {
		return signed("recording", validFor);
	}

	/**
	 * A signed link to the transcript.
	 * @param validFor how long from now it works
	 * @return the link
	 */
	public String transcriptUrl(Duration validFor) {
		return signed("transcript", validFor);
	}

	/**
	 * A signed link of another kind: {@code missing} (404), {@code huge} (streams
	 * {@value #HUGE_BYTES} bytes), {@code slow} (answers, then sends nothing).
	 * @param kind the kind
	 * @param validFor how long from now it works
	 * @return the link
	 */
	public String url(String kind, Duration validFor) {
		return signed(kind, validFor);
	}

	/**
	 * @return the recording's bytes
	 */
	public byte[] mp3() {
		return this.mp3.clone();
	}

	/**
	 * @return the transcript's bytes
	 */
	public byte[] transcript() {
		return this.transcript.clone();
	}

	/**
	 * How many times a kind of asset was asked for.
	 * @param kind such as {@code recording}
	 * @return the count
	 */
	public int fetches(String kind) {
		return this.fetches.computeIfAbsent(kind, (k) -> new AtomicInteger()).get();
	}

	/**
	 * The hex SHA-256 of some bytes.
	 * @param bytes the bytes
	 * @return the digest
	 */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] silence(int frames) {
		int frame = 417;
		byte[] bytes = new byte[frames * frame];
		for (int i = 0; i < frames; i++) {
			bytes[i * frame] = (byte) 0xFF;
			bytes[i * frame + 1] = (byte) 0xFB;
			bytes[i * frame + 2] = (byte) 0x90;
			bytes[i * frame + 3] = (byte) 0x64;
		}
		return bytes;
	}

	private String signed(String kind, Duration validFor) {
		String path = "/api/webhook-assets/" + kind + "/550e8400-e29b-41d4-a716-446655440000";
		long expires = Instant.now().plus(validFor).getEpochSecond();
		return "http://127.0.0.1:" + this.server.port() + path + "?expires=" + expires + "&sig="
				+ signature(path, expires);
	}

	private String signature(String path, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		String kind = request.param("kind");
		this.fetches.computeIfAbsent(kind, (k) -> new AtomicInteger()).incrementAndGet();
		if (!valid(request)) {
			return response.status(403).sendString(Mono.just("Access denied")).then();
		}
		return switch (kind) {
			case "recording" -> response.header("Content-Type", "audio/mpeg").sendByteArray(Mono.just(this.mp3)).then();
			case "transcript" ->
				response.header("Content-Type", "application/json").sendByteArray(Mono.just(this.transcript)).then();
			case "huge" -> response.header("Content-Type", "audio/mpeg")
				.send(Flux.range(0, HUGE_BYTES / 8192).map((i) -> Unpooled.wrappedBuffer(new byte[8192])))
				.then();
			case "slow" -> response.header("Content-Type", "audio/mpeg")
				.send(Flux.concat(Mono.just(Unpooled.wrappedBuffer(new byte[100])), Mono.never()))
				.then();
			default -> response.status(404).sendString(Mono.just("Not found")).then();
		};
	}

	private boolean valid(HttpServerRequest request) {
		String uri = request.uri();
		int mark = uri.indexOf('?');
		String path = (mark >= 0) ? uri.substring(0, mark) : uri;
		String query = (mark >= 0) ? uri.substring(mark + 1) : "";
		long expires = 0;
		String sig = "";
		for (String pair : query.split("&")) {
			if (pair.startsWith("expires=")) {
				expires = Long.parseLong(pair.substring(8));
			}
			else if (pair.startsWith("sig=")) {
				sig = pair.substring(4);
			}
		}
		return Instant.now().getEpochSecond() < expires && MessageDigest
			.isEqual(signature(path, expires).getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
