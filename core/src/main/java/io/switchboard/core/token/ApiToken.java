package io.switchboard.core.token;

import java.time.Instant;
import java.util.List;

import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.TokenId;
import io.switchboard.core.id.UserId;

/**
 * The record of an API token; the token string itself is shown once and never stored.
 *
 * @param tenantId the tenant it acts for
 * @param id its id, also the JWT's {@code jti}
 * @param name what it is for
 * @param scopes what it may do
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 * @param createdBy the member it acts for (who minted it, or the member behind the token
 * that minted it); {@code null} only for tokens minted by a token before makers were
 * recorded, which are refused
 * @param parentId the token that minted it, or {@code null} when a person did
 */
public record ApiToken(TenantId tenantId, TokenId id, String name, List<String> scopes, Instant createdAt,
		Instant expiresAt, Instant revokedAt, UserId createdBy, TokenId parentId) {

	/**
	 * Whether the token may be used at a time.
	 * @param now the time
	 * @return true if neither revoked nor expired
	 */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

}
