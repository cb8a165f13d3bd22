package io.switchboard.core.signature;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * MiniVoice: {@code X-MiniVoice-Signature: v1=<hex>}, the HMAC-SHA256 of
 * {@code timestamp + "." + body} keyed with the secret, where the timestamp is the
 * {@code X-MiniVoice-Timestamp} header exactly as sent.
 */
final class MiniVoiceSignature implements SignatureScheme {

	static final String SIGNATURE_HEADER = "X-MiniVoice-Signature";

	static final String TIMESTAMP_HEADER = "X-MiniVoice-Timestamp";

	private static final String VERSION_PREFIX = "v1=";

	/**
	 * All-digit timestamps from here on are Unix milliseconds (1e11 s is in year 5138).
	 */
	private static final long MILLISECONDS_FROM = 100_000_000_000L;

	private final TimestampTolerance tolerance;

	MiniVoiceSignature(Duration tolerance) {
		this.tolerance = new TimestampTolerance(tolerance);
	}

	@Override
	public Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		String signature = request.header(SIGNATURE_HEADER);
		if (signature == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MISSING,
					"The " + SIGNATURE_HEADER + " header is missing");
		}
		String timestamp = request.header(TIMESTAMP_HEADER);
		if (timestamp == null) {
			return Verification.rejected(RejectionReason.TIMESTAMP_MISSING,
					"The " + TIMESTAMP_HEADER + " header is missing");
		}
		if (!signature.startsWith(VERSION_PREFIX)) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED,
					"The " + SIGNATURE_HEADER + " header does not start with v1=, and MiniVoice always sends v1=<hex>");
		}
		byte[] digest = HmacDigest.SHA256.decodeHex(signature.substring(VERSION_PREFIX.length()));
		if (digest == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED,
					"The " + SIGNATURE_HEADER + " header is not v1= followed by a 64-digit hex digest");
		}
		Instant signedAt = parseTimestamp(timestamp);
		if (signedAt == null) {
			return Verification.rejected(RejectionReason.TIMESTAMP_MALFORMED, "The " + TIMESTAMP_HEADER
					+ " header is neither Unix seconds, Unix milliseconds nor an ISO-8601 date-time");
		}
		byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		if (!HmacDigest.SHA256.matchesAny(HmacDigest.utf8Keys(secrets), List.of(digest), signedPrefix,
				request.body())) {
			return Verification.rejected(RejectionReason.SIGNATURE_INVALID,
					"The " + SIGNATURE_HEADER + " header matches none of the source's secrets");
		}
		return this.tolerance.check(signedAt, now);
	}

	/**
	 * Reads a timestamp whose format MiniVoice does not document: all digits are Unix
	 * seconds, or Unix milliseconds from 1e11 on; anything else is tried as an ISO-8601
	 * instant or offset date-time.
	 * @param timestamp the header value
	 * @return the instant, or {@code null} when it cannot be read
	 */
	static Instant parseTimestamp(String timestamp) {
		try {
			if (!timestamp.isEmpty() && timestamp.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				long number = Long.parseLong(timestamp);
				return (number >= MILLISECONDS_FROM) ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
			}
			return parseIsoTimestamp(timestamp);
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	private static Instant parseIsoTimestamp(String timestamp) {
		try {
			return Instant.parse(timestamp);
		}
		catch (DateTimeException ex) {
			return OffsetDateTime.parse(timestamp).toInstant();
		}
	}

}
