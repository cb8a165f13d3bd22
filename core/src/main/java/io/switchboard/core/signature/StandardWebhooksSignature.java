package io.switchboard.core.signature;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Standard Webhooks: {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * entries, each an HMAC-SHA256 of {@code id + "." + timestamp + "." + body} keyed with
 * the base64-decoded secret (after its {@code whsec_} prefix); {@code webhook-timestamp}
 * is in Unix seconds. Entries of other versions are ignored.
 */
final class StandardWebhooksSignature implements SignatureScheme {

	static final String ID_HEADER = "webhook-id";

	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	static final String SIGNATURE_HEADER = "webhook-signature";

	private static final String SECRET_PREFIX = "whsec_";

	private static final String VERSION_PREFIX = "v1,";

	private final TimestampTolerance tolerance;

	StandardWebhooksSignature(Duration tolerance) {
		this.tolerance = new TimestampTolerance(tolerance);
	}

	@Override
	public Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		String signature = request.header(SIGNATURE_HEADER);
		String id = request.header(ID_HEADER);
		if (signature == null || id == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MISSING,
					"The " + ((signature == null) ? SIGNATURE_HEADER : ID_HEADER) + " header is missing");
		}
		String timestamp = request.header(TIMESTAMP_HEADER);
		if (timestamp == null) {
			return Verification.rejected(RejectionReason.TIMESTAMP_MISSING,
					"The " + TIMESTAMP_HEADER + " header is missing");
		}
		List<byte[]> digests = v1Digests(signature);
		if (digests.isEmpty()) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED,
					"The " + SIGNATURE_HEADER + " header holds no v1,<base64> signature");
		}
		Instant signedAt = parseTimestamp(timestamp);
		if (signedAt == null) {
			return Verification.rejected(RejectionReason.TIMESTAMP_MALFORMED,
					"The " + TIMESTAMP_HEADER + " header is not a Unix time in seconds");
		}
		byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		if (!HmacDigest.SHA256.matchesAny(keys(secrets), digests, signedPrefix, request.body())) {
			return Verification.rejected(RejectionReason.SIGNATURE_INVALID,
					"The " + SIGNATURE_HEADER + " header matches none of the source's secrets");
		}
		return this.tolerance.check(signedAt, now);
	}

	private static List<byte[]> v1Digests(String header) {
		List<byte[]> digests = new ArrayList<>();
		for (String entry : header.split(" ")) {
			if (entry.startsWith(VERSION_PREFIX)) {
				byte[] digest = HmacDigest.SHA256.decodeBase64(entry.substring(VERSION_PREFIX.length()));
				if (digest != null) {
					digests.add(digest);
				}
			}
		}
		return digests;
	}

	private static Instant parseTimestamp(String timestamp) {
		if (timestamp.isEmpty() || !timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong(timestamp));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	private static List<byte[]> keys(List<String> secrets) {
		return secrets.stream().filter(Objects::nonNull).map(StandardWebhooksSignature::key).toList();
	}

	/**
	 * The HMAC key a secret stands for: the base64 after {@code whsec_}, or the whole
	 * secret as base64, or, when that is not base64, the secret's UTF-8 bytes.
	 * @param secret the secret as configured
	 * @return the key
	 */
	static byte[] key(String secret) {
		String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
		byte[] decoded = HmacDigest.base64(encoded);
		return (decoded != null) ? decoded : secret.getBytes(StandardCharsets.UTF_8);
	}

}
