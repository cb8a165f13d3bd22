package io.switchboard.core.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * @param previousSecret the secret before the last rotation, or {@code null}
 * @param previousSecretExpiresAt until when the previous secret still verifies
 * @param timestampTolerance how far a signed timestamp may be from now
 * @param maxBodyBytes the largest body accepted
 * @param rateLimitPerSecond the most requests per second accepted, or {@code null} for
 * the installation's default
 * @param hmac the generic HMAC scheme, or {@code null}
 * @param enabled whether it accepts events
 * @param createdAt when it was created
 * @param previousInboundToken the token before the last URL rotation, or {@code null}
 * @param previousInboundTokenExpiresAt until when the previous token is still accepted,
 * or {@code null}
 * @param assets which payload fields hold links to archive
 */
public record Source(TenantId tenantId, SourceId id, String name, Provider provider, String inboundToken, String secret,
		String previousSecret, Instant previousSecretExpiresAt, Duration timestampTolerance, int maxBodyBytes,
		Integer rateLimitPerSecond, HmacScheme hmac, boolean enabled, Instant createdAt, String previousInboundToken,
		Instant previousInboundTokenExpiresAt, AssetArchiving assets) {

	public Source {
		assets = (assets != null) ? assets : AssetArchiving.OFF;
	}

	/**
	 * A source that archives no assets.
	 */
	public Source(TenantId tenantId, SourceId id, String name, Provider provider, String inboundToken, String secret,
			String previousSecret, Instant previousSecretExpiresAt, Duration timestampTolerance, int maxBodyBytes,
			Integer rateLimitPerSecond, HmacScheme hmac, boolean enabled, Instant createdAt,
			String previousInboundToken, Instant previousInboundTokenExpiresAt) {
		this(tenantId, id, name, provider, inboundToken, secret, previousSecret, previousSecretExpiresAt,
				timestampTolerance, maxBodyBytes, rateLimitPerSecond, hmac, enabled, createdAt, previousInboundToken,
				previousInboundTokenExpiresAt, AssetArchiving.OFF);
	}

	/**
	 * The longest a previous inbound URL may keep working after a rotation.
	 */
	public static final Duration MAX_URL_OVERLAP = Duration.ofMinutes(SourceRules.MAX_URL_OVERLAP_MINUTES);

	/**
	 * Whether requests to this source carry no signature (a MiniVoice source without a
	 * secret): the URL token alone authenticates them.
	 * @return true when unsigned
	 */
	public boolean unsigned() {
		return this.provider == Provider.MINIVOICE && this.secret == null;
	}

	/**
	 * Whether this source waits for its provider's secret (a Minari source before the
	 * secret Minari generated is pasted in): until then it refuses every request.
	 * @return true when a signed provider has no secret yet
	 */
	public boolean awaitingSecret() {
		return this.provider != Provider.MINIVOICE && this.secret == null;
	}

	/**
	 * The secrets a request may be signed with now: the current one, and the previous one
	 * until it expires.
	 * @param now the time
	 * @return one or two secrets; empty when unsigned
	 */
	public List<String> verificationSecrets(Instant now) {
		if (this.secret == null) {
			return List.of();
		}
		if (this.previousSecret != null && this.previousSecretExpiresAt != null
				&& now.isBefore(this.previousSecretExpiresAt)) {
			return List.of(this.secret, this.previousSecret);
		}
		return List.of(this.secret);
	}

	/**
	 * Until when the previous inbound URL is still accepted.
	 * @param now the time
	 * @return the time, or {@code null} when no previous URL is accepted any more
	 */
	public Instant previousInboundTokenValidUntil(Instant now) {
		return (this.previousInboundToken != null && this.previousInboundTokenExpiresAt != null
				&& now.isBefore(this.previousInboundTokenExpiresAt)) ? this.previousInboundTokenExpiresAt : null;
	}

	@Override
	public String toString() {
		return "Source[" + this.id + " of " + this.tenantId + ", " + this.provider.key() + ", '" + this.name + "']";
	}

}
