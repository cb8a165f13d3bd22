package io.switchboard.core.signature;

import java.time.Instant;
import java.util.List;

/**
 * Minari: {@code X-Webhook-Signature: <hex>}, the HMAC-SHA256 of the body keyed with the
 * secret. Minari signs no timestamp, so there is nothing to check for replays.
 */
final class MinariSignature implements SignatureScheme {

	static final String SIGNATURE_HEADER = "X-Webhook-Signature";

	@Override
	public Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		String signature = request.header(SIGNATURE_HEADER);
		if (signature == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MISSING,
					"The " + SIGNATURE_HEADER + " header is missing");
		}
		byte[] digest = HmacDigest.SHA256.decodeHex(signature);
		if (digest == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED,
					"The " + SIGNATURE_HEADER + " header is not a 64-digit hex digest");
		}
		if (!HmacDigest.SHA256.matchesAny(HmacDigest.utf8Keys(secrets), List.of(digest), request.body())) {
			return Verification.rejected(RejectionReason.SIGNATURE_INVALID,
					"The " + SIGNATURE_HEADER + " header matches none of the source's secrets");
		}
		return Verification.verified();
	}

}
