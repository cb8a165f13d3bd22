package io.switchboard.core.signature;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.switchboard.core.source.HmacScheme;

/**
 * Any sender that puts an HMAC of the body, keyed with the secret, in a header: which
 * header, hash, encoding and prefix come from the source's {@link HmacScheme}.
 */
final class GenericHmacSignature implements SignatureScheme {

	private final String header;

	private final HmacDigest digest;

	private final boolean base64;

	private final String prefix;

	/**
	 * A scheme as configured.
	 * @param scheme the source's HMAC settings
	 * @throws IllegalArgumentException if the header, algorithm or encoding is not usable
	 */
	GenericHmacSignature(HmacScheme scheme) {
		Objects.requireNonNull(scheme, "scheme");
		if (scheme.header() == null || scheme.header().isBlank()) {
			throw new IllegalArgumentException("An HMAC scheme needs a signature header");
		}
		this.header = scheme.header();
		this.digest = HmacDigest.named(scheme.algorithm());
		this.base64 = isBase64(scheme.encoding());
		this.prefix = (scheme.prefix() != null) ? scheme.prefix() : "";
	}

	private static boolean isBase64(String encoding) {
		return switch (Objects.requireNonNull(encoding, "encoding").toLowerCase(Locale.ROOT)) {
			case "hex" -> false;
			case "base64" -> true;
			default -> throw new IllegalArgumentException("Unsupported HMAC encoding '" + encoding + "'");
		};
	}

	@Override
	public Verification verify(SignedRequest request, List<String> secrets, Instant now) {
		String signature = request.header(this.header);
		if (signature == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MISSING,
					"The " + this.header + " header is missing");
		}
		if (!signature.regionMatches(true, 0, this.prefix, 0, this.prefix.length())) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED,
					"The " + this.header + " header does not start with " + this.prefix);
		}
		String encoded = signature.substring(this.prefix.length());
		byte[] candidate = this.base64 ? this.digest.decodeBase64(encoded) : this.digest.decodeHex(encoded);
		if (candidate == null) {
			return Verification.rejected(RejectionReason.SIGNATURE_MALFORMED, "The " + this.header + " header is not a "
					+ this.digest.length() + "-byte digest in " + (this.base64 ? "base64" : "hex"));
		}
		if (!this.digest.matchesAny(HmacDigest.utf8Keys(secrets), List.of(candidate), request.body())) {
			return Verification.rejected(RejectionReason.SIGNATURE_INVALID,
					"The " + this.header + " header matches none of the source's secrets");
		}
		return Verification.verified();
	}

}
