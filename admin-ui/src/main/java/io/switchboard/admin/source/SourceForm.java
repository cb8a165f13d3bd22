package io.switchboard.admin.source;

import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.SourceDraft;

/**
 * The new-source form; a generic HMAC sender also names its header, hash and encoding.
 *
 * @param name what people call it
 * @param provider {@code minivoice}, {@code minari}, {@code standard-webhooks} or
 * {@code hmac}
 * @param secret the provider's secret, when it made one (Minari), else empty
 * @param hmacHeader the signature header of a generic HMAC sender
 * @param hmacAlgorithm {@code sha256} or {@code sha512}
 * @param hmacEncoding {@code hex} or {@code base64}
 * @param hmacPrefix text before the digest, such as {@code sha256=}
 */
record SourceForm(String name, String provider, String secret, String hmacHeader, String hmacAlgorithm,
		String hmacEncoding, String hmacPrefix) {

	static SourceForm empty() {
		return new SourceForm("", "minivoice", "", "X-Signature", "sha256", "hex", "");
	}

	/**
	 * The new source this form asks for, checked by the source rules when it is made.
	 * @return the draft
	 */
	SourceDraft draft() {
		HmacScheme hmac = "hmac".equals(this.provider) ? new HmacScheme(this.hmacHeader, this.hmacAlgorithm,
				this.hmacEncoding, blank(this.hmacPrefix) ? null : this.hmacPrefix) : null;
		return SourceDraft.withDefaults(this.name, this.provider, blank(this.secret) ? null : this.secret, hmac);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "SourceForm[" + this.name + ", " + this.provider + "]";
	}

}
