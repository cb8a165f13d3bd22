package io.switchboard.worker.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.signature.SignatureSchemes;
import io.switchboard.core.signature.SignedRequest;
import io.switchboard.core.signature.Verification;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;

/**
 * Checks signed requests the way Switchboard's own inbound endpoint checks them.
 */
final class SigningFixtures {

	private SigningFixtures() {
	}

	/**
	 * A source of a provider, as a tenant would register one to receive from us.
	 * @param provider the provider
	 * @param secret its secret
	 * @return the source
	 */
	static Source createSource(Provider provider, String secret) {
		return new Source(TenantId.generate(), SourceId.generate(), "relay from Switchboard", provider, "token", secret,
				null, null, Duration.ofMinutes(5), 1_048_576, null, null, true, Instant.now(), null, null);
	}

	/**
	 * Verifies a request with the inbound scheme for a provider.
	 * @param provider the provider
	 * @param headers the request's headers, looked up in any case
	 * @param body the body
	 * @param secrets the secrets the receiver knows, current first
	 * @param now the time of receipt
	 * @return the verification
	 */
	static Verification verifyInbound(Provider provider, Map<String, String> headers, byte[] body, List<String> secrets,
			Instant now) {
		Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseInsensitive.putAll(headers);
		return SignatureSchemes.forSource(createSource(provider, secrets.get(0)))
			.verify(new SignedRequest(caseInsensitive::get, body), secrets, now);
	}

}
