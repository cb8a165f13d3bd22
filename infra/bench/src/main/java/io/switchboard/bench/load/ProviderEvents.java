package io.switchboard.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.bench.setup.BenchTenant;

/**
 * Realistic provider requests, 0.5 to 2 KiB, signed as the providers sign them: MiniVoice
 * {@code call.created} and {@code call.completed} ({@code X-MiniVoice-Signature: v1=hex
 * HMAC-SHA256(timestamp + "." + body)}) and Minari {@code call.completed}
 * ({@code X-Webhook-Signature: hex HMAC-SHA256(body)}), spread round-robin over every
 * source of every tenant. Each body carries {@code "bench_seq":"<scenario>.<seq>"} so the
 * receiver knows which event arrived.
 */
public final class ProviderEvents {

	private static final String WORDS = "caller asked about pricing for the enterprise plan and wants a follow up call "
			+ "next tuesday the receptionist transferred to sales who confirmed the appointment reminder and noted "
			+ "the account number for billing questions support ivr selection two was chosen by the customer ";

	private static final HexFormat HEX = HexFormat.of();

	private final List<BenchTenant.BenchSource> sources;

	private final int scenario;

	private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	/**
	 * Events for the sources of these tenants.
	 * @param tenants the tenants
	 * @param scenario the ledger's scenario number
	 */
	public ProviderEvents(List<BenchTenant> tenants, int scenario) {
		this.sources = tenants.stream().flatMap((tenant) -> tenant.sources().stream()).toList();
		this.scenario = scenario;
	}

	/**
	 * The request for one sequence number.
	 * @param seq the sequence number
	 * @return the signed request
	 */
	public SignedEvent event(int seq) {
		BenchTenant.BenchSource source = this.sources.get(seq % this.sources.size());
		SplittableRandom random = new SplittableRandom(seq * 31L + this.scenario);
		String marker = this.scenario + "." + seq;
		if (source.provider().equals("minari")) {
			byte[] body = minari(marker, random).getBytes(StandardCharsets.UTF_8);
			return new SignedEvent(source.inboundUrl(), Map.of("X-Webhook-Signature", sign(source.secret(), body)),
					body);
		}
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		byte[] body = miniVoice(marker, seq, random).getBytes(StandardCharsets.UTF_8);
		byte[] signed = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] message = new byte[signed.length + body.length];
		System.arraycopy(signed, 0, message, 0, signed.length);
		System.arraycopy(body, 0, message, signed.length, body.length);
		return new SignedEvent(source.inboundUrl(), Map.of("X-MiniVoice-Timestamp", timestamp, "X-MiniVoice-Signature",
				"v1=" + sign(source.secret(), message)), body);
	}

	private String miniVoice(String marker, int seq, SplittableRandom random) {
		boolean created = (seq / this.sources.size()) % 2 == 0;
		String callId = "call_b" + this.scenario + "_" + (seq / (2 * this.sources.size())) + "_"
				+ (seq % this.sources.size());
		String createdAt = Instant.now().toString();
		String data = created ? "{\"event_key\":\"" + callId + ":call.created\"}" : "{}";
		return "{\"event\":\"" + (created ? "call.created" : "call.completed") + "\",\"created_at\":\"" + createdAt
				+ "\",\"call\":{\"id\":\"" + callId + "\",\"customer_id\":\"cust_" + random.nextInt(1000)
				+ "\",\"application_id\":\"app_123\"," + (created ? "\"provider_call_id\":\"" + marker + "\"," : "")
				+ "\"status\":\"" + (created ? "in_progress" : "completed") + "\",\"direction\":\""
				+ (random.nextBoolean() ? "inbound" : "outbound") + "\",\"from\":\"+1555"
				+ (1000000 + random.nextInt(8999999)) + "\",\"to\":\"+15551230002\""
				+ (created ? ",\"route_mode\":\"webhook\",\"routing_target\":\"app_123\"" : "")
				+ "},\"variables\":{\"bench_seq\":\"" + marker
				+ "\",\"caller_name\":\"Jane Caller\",\"ivr_path\":\"1>2>" + random.nextInt(9) + "\",\"notes\":\""
				+ words(random, 350, 1700) + "\"},\"data\":" + data + "}";
	}

	private String minari(String marker, SplittableRandom random) {
		return "{\"event\":\"call.completed\",\"bench_seq\":\"" + marker + "\",\"call\":{\"ended_at\":\""
				+ Instant.now() + "\",\"status\":\"connected\",\"direction\":\"outgoing\",\"duration_seconds\":"
				+ random.nextInt(1, 1800) + ",\"from_number\":\"+33100000000\",\"to_number\":\"+336"
				+ (10000000 + random.nextInt(89999999))
				+ "\",\"recording_url\":\"https://app.minari.ai/api/webhook-assets/recording/550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123\","
				+ "\"transcript_url\":\"https://app.minari.ai/api/webhook-assets/transcript/550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123\","
				+ "\"summary\":\"" + words(random, 50, 600)
				+ "\"},\"prospect\":{\"first_name\":\"John\",\"last_name\":\"Doe\",\"email\":\"john.doe@example.com\","
				+ "\"company\":\"Acme Inc\",\"job_title\":\"Software Engineer\",\"crm_contact_id\":\""
				+ random.nextInt(100000) + "\",\"crm_company_id\":\"456\"},\"user\":{\"name\":\"Jane Smith\","
				+ "\"email\":\"jane@yourcompany.com\"},\"list\":{\"list_name\":\"Q1 Outbound Campaign\",\"list_id\":\"123\"}}";
	}

	private static String words(SplittableRandom random, int min, int max) {
		int length = random.nextInt(min, max);
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			int start = random.nextInt(WORDS.length() - 40);
			text.append(WORDS, start, start + 40);
		}
		return text.substring(0, length);
	}

	private String sign(String secret, byte[] message) {
		try {
			Mac hmac = this.mac.get();
			hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(hmac.doFinal(message));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One request as the provider sends it.
	 *
	 * @param url the source's inbound URL
	 * @param headers the signature headers
	 * @param body the raw body
	 */
	public record SignedEvent(String url, Map<String, String> headers, byte[] body) {

	}

}
