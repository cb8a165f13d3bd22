package io.switchboard.core.signature;

import java.time.Instant;
import java.util.List;

/**
 * How one provider signs its requests, and so how to check that a request came from it.
 */
public interface SignatureScheme {

	/**
	 * Verifies a request against the source's secrets.
	 * @param request the request as received
	 * @param secrets the source's current secret, then optionally the previous one;
	 * either verifies. Never empty for signed schemes; when it is, nothing verifies
	 * @param now the time to check a signed timestamp against
	 * @return whether the request is authentic, and if not, why
	 */
	Verification verify(SignedRequest request, List<String> secrets, Instant now);

}
