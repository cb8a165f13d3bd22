package io.switchboard.core.signature;

import java.util.Objects;

import io.switchboard.core.source.Source;

/**
 * Chooses how a source's requests are verified.
 */
public final class SignatureSchemes {

	private SignatureSchemes() {
	}

	/**
	 * The scheme for a source, by its provider. A MiniVoice source without a secret gets
	 * a scheme that accepts every request; any other source gets its provider's signed
	 * scheme, which accepts nothing when it is given no secret.
	 * @param source the source
	 * @return its scheme
	 * @throws IllegalArgumentException if a generic HMAC source has no usable
	 * {@link Source#hmac() HMAC scheme}
	 */
	public static SignatureScheme forSource(Source source) {
		Objects.requireNonNull(source, "source");
		return switch (source.provider()) {
			case MINIVOICE ->
				source.unsigned() ? NoSignature.INSTANCE : new MiniVoiceSignature(source.timestampTolerance());
			case MINARI -> new MinariSignature();
			case STANDARD_WEBHOOKS -> new StandardWebhooksSignature(source.timestampTolerance());
			case HMAC -> genericHmac(source);
		};
	}

	private static SignatureScheme genericHmac(Source source) {
		if (source.hmac() == null) {
			throw new IllegalArgumentException(source + " has no HMAC scheme");
		}
		return new GenericHmacSignature(source.hmac());
	}

}
