package io.switchboard.core.asset;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.secret.LinkSigner;
import io.switchboard.core.secret.SecretsProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetLinksTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private final LinkSigner signer = new LinkSigner(
			new SecretsProperties(Base64.getEncoder().encodeToString(new byte[32])));

	private final TenantId tenant = TenantId.generate();

	private final AssetId asset = AssetId.generate();

	@Test
	void aLinkNamesTheAssetAndExpiresAfterItsTtl() {
		String link = links(NOW, "https://relay.example.com/").link(this.tenant, this.asset, null);
		assertThat(link).startsWith("https://relay.example.com/a/" + this.tenant + "/" + this.asset + "?expires="
				+ NOW.plus(Duration.ofDays(7)).getEpochSecond() + "&sig=");
		long expires = NOW.plus(Duration.ofDays(7)).getEpochSecond();
		String sig = link.substring(link.indexOf("&sig=") + 5);
		assertThat(links(NOW, "").valid(this.tenant, this.asset, expires, sig)).isTrue();
		assertThat(links(NOW.plus(Duration.ofDays(7)), "").valid(this.tenant, this.asset, expires, sig)).as("expired")
			.isFalse();
	}

	@Test
	void aLinkForAnotherAssetTenantOrExpiryIsRefused() {
		String link = links(NOW, "").link(this.tenant, this.asset, URI.create("http://localhost:8080/api/v1/events/x"));
		assertThat(link).startsWith("http://localhost:8080/a/");
		long expires = NOW.plus(Duration.ofDays(7)).getEpochSecond();
		String sig = link.substring(link.indexOf("&sig=") + 5);
		AssetLinks links = links(NOW, "");
		assertThat(links.valid(this.tenant, AssetId.generate(), expires, sig)).isFalse();
		assertThat(links.valid(TenantId.generate(), this.asset, expires, sig)).isFalse();
		assertThat(links.valid(this.tenant, this.asset, expires + 3600, sig)).isFalse();
		assertThat(links.valid(this.tenant, this.asset, expires, null)).isFalse();
	}

	private AssetLinks links(Instant now, String publicUrl) {
		return new AssetLinks(this.signer, publicUrl, Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
	}

}
