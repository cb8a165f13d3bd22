package io.switchboard.core.asset;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.LinkSigner;

/**
 * Switchboard's own links to archived assets:
 * {@code <public-url>/a/<tenant>/<asset>?expires=<unix seconds>&sig=<signature>}. Anyone
 * holding one downloads the asset without a token (as Zapier, n8n and Make fetch Minari's
 * links) until it expires; the signature covers the tenant, the asset and the expiry, so
 * none can be changed.
 */
public class AssetLinks {

	/** The path links start with. */
	public static final String PATH = "/a/";

	private final LinkSigner signer;

	private final String publicUrl;

	private final Duration ttl;

	private final Clock clock;

	public AssetLinks(LinkSigner signer, String publicUrl, Duration ttl, Clock clock) {
		this.signer = signer;
		this.publicUrl = (publicUrl != null) ? publicUrl.replaceAll("/+$", "") : "";
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * A fresh link, valid for {@code switchboard.assets.link-ttl}.
	 * @param tenantId the owner
	 * @param id the asset
	 * @param requestUri the request that asks, whose address is used when no public URL
	 * is set; {@code null} in background work
	 * @return the link
	 */
	public String link(TenantId tenantId, AssetId id, URI requestUri) {
		String base = (!this.publicUrl.isEmpty() || requestUri == null) ? this.publicUrl
				: requestUri.getScheme() + "://" + requestUri.getRawAuthority();
		return base + path(tenantId, id);
	}

	/**
	 * A fresh link without scheme and host, for pages served from the same address.
	 * @param tenantId the owner
	 * @param id the asset
	 * @return {@code /a/<tenant>/<asset>?expires=…&sig=…}
	 */
	public String path(TenantId tenantId, AssetId id) {
		long expires = Instant.now(this.clock).plus(this.ttl).getEpochSecond();
		return PATH + tenantId + "/" + id + "?expires=" + expires + "&sig="
				+ this.signer.sign(message(tenantId, id, expires));
	}

	/**
	 * Whether a link's parameters are ones Switchboard signed and it has not expired.
	 * @param tenantId the tenant in the link
	 * @param id the asset in the link
	 * @param expires its {@code expires}
	 * @param signature its {@code sig}
	 * @return whether to serve it
	 */
	public boolean valid(TenantId tenantId, AssetId id, long expires, String signature) {
		return this.signer.verify(message(tenantId, id, expires), signature)
				&& Instant.now(this.clock).getEpochSecond() < expires;
	}

	private static String message(TenantId tenantId, AssetId id, long expires) {
		return "asset\n" + tenantId + "\n" + id + "\n" + expires;
	}

}
