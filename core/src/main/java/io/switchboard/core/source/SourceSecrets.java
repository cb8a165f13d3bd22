package io.switchboard.core.source;

import java.security.SecureRandom;
import java.util.Base64;

import io.switchboard.core.destination.SigningSecret;

/**
 * New secrets for sources, in the form each provider expects (the API and the portal both
 * make them here).
 */
public final class SourceSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SourceSecrets() {
	}

	/**
	 * Whether Switchboard makes the secret (MiniVoice, Standard Webhooks, generic HMAC:
	 * you paste ours into the sender) or the provider does (Minari: you paste theirs into
	 * Switchboard).
	 * @param provider the source's provider
	 * @return true when Switchboard makes it
	 */
	public static boolean generatedBySwitchboard(Provider provider) {
		return provider != Provider.MINARI;
	}

	public static String generate(Provider provider) {
		if (provider == Provider.STANDARD_WEBHOOKS) {
			return SigningSecret.generate();
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
