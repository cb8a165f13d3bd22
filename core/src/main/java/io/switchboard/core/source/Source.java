package io.switchboard.core.source;

import java.time.Duration;
import java.time.Instant;

import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * A provider account that posts webhooks to its own inbound URL.
 *
 * @param tenantId the owner
 * @param id the id
 * @param name its name
 * @param provider who sends to it
 * @param inboundToken the token in its inbound URL
 * @param secret the signing secret in clear, or {@code null} when unsigned
 * @param timestampTolerance how far a signed timestamp may be from now
 * @param maxBodyBytes the largest body accepted
 * @param hmac the generic HMAC scheme, or {@code null}
 * @param enabled whether it accepts events
 * @param createdAt when it was created
 */
public record Source(TenantId tenantId, SourceId id, String name, Provider provider, String inboundToken, String secret,
		Duration timestampTolerance, int maxBodyBytes, HmacScheme hmac, boolean enabled, Instant createdAt) {

	/**
	 * Whether requests to this source carry no signature (a MiniVoice source without a
	 * secret): the URL token alone authenticates them.
	 * @return true when unsigned
	 */
	public boolean unsigned() {
		return this.secret == null;
	}

	@Override
	public String toString() {
		return "Source[" + this.id + " of " + this.tenantId + ", " + this.provider.key() + ", '" + this.name + "']";
	}

}
