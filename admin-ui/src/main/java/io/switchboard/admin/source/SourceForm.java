package io.switchboard.admin.source;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.Provider;

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

	Map<String, String> problems() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(this.name) || this.name.trim().length() > 200) {
			errors.put("name", "Give it a name (up to 200 characters), such as \"MiniVoice production\".");
		}
		if (this.provider == null || !this.provider.matches("minivoice|minari|standard-webhooks|hmac")) {
			errors.put("provider", "Pick who sends to this source.");
		}
		if (!blank(this.secret) && (this.secret.trim().length() < 8 || this.secret.trim().length() > 512)) {
			errors.put("secret", "A secret is 8 to 512 characters.");
		}
		if ("hmac".equals(this.provider)) {
			if (blank(this.hmacHeader) || !this.hmacHeader.trim().matches("[A-Za-z0-9-]{1,100}")) {
				errors.put("hmacHeader", "Name the header that carries the signature, such as X-Signature.");
			}
			if (this.hmacAlgorithm == null || !this.hmacAlgorithm.matches("sha256|sha512")) {
				errors.put("hmacAlgorithm", "Pick SHA-256 or SHA-512.");
			}
			if (this.hmacEncoding == null || !this.hmacEncoding.matches("hex|base64")) {
				errors.put("hmacEncoding", "Pick hex or base64.");
			}
			if (this.hmacPrefix != null && this.hmacPrefix.length() > 50) {
				errors.put("hmacPrefix", "Up to 50 characters.");
			}
		}
		return errors;
	}

	Provider providerKind() {
		return Provider.of(this.provider);
	}

	String givenSecret() {
		return blank(this.secret) ? null : this.secret.trim();
	}

	HmacScheme hmac() {
		if (!"hmac".equals(this.provider)) {
			return null;
		}
		return new HmacScheme(this.hmacHeader.trim(), this.hmacAlgorithm, this.hmacEncoding,
				blank(this.hmacPrefix) ? null : this.hmacPrefix);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "SourceForm[" + this.name + ", " + this.provider + "]";
	}

}
