package io.switchboard.core.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;

import static io.switchboard.core.signature.SignatureFixtures.assertRejected;
import static io.switchboard.core.signature.SignatureFixtures.assertVerified;
import static io.switchboard.core.signature.SignatureFixtures.createRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignatureSchemesTests {

	private static final HmacScheme GITHUB_STYLE = new HmacScheme("X-Hub-Signature-256", "sha256", "hex", "sha256=");

	private static final Instant NOW = Instant.parse("2026-05-29T12:10:00Z");

	@Test
	void signedMiniVoiceSourceGetsTheMiniVoiceScheme() {
		assertThat(SignatureSchemes.forSource(createSource(Provider.MINIVOICE, "mv_secret", null, null)))
			.isInstanceOf(MiniVoiceSignature.class);
	}

	@Test
	void unsignedMiniVoiceSourceAcceptsARequestWithNoHeaders() {
		SignatureScheme scheme = SignatureSchemes.forSource(createSource(Provider.MINIVOICE, null, null, null));
		assertThat(scheme).isInstanceOf(NoSignature.class);
		assertVerified(scheme.verify(createRequest("{}"), List.of(), NOW));
		assertVerified(scheme.verify(createRequest(new byte[0]), List.of(), NOW));
	}

	@Test
	void minariSourceGetsTheMinariScheme() {
		assertThat(SignatureSchemes.forSource(createSource(Provider.MINARI, "minari_secret", null, null)))
			.isInstanceOf(MinariSignature.class);
	}

	@Test
	void standardWebhooksSourceGetsTheStandardWebhooksScheme() {
		assertThat(SignatureSchemes.forSource(createSource(Provider.STANDARD_WEBHOOKS, "whsec_c2VjcmV0", null, null)))
			.isInstanceOf(StandardWebhooksSignature.class);
	}

	@Test
	void hmacSourceGetsTheGenericSchemeFromItsSettings() {
		assertThat(SignatureSchemes.forSource(createSource(Provider.HMAC, "secret", null, GITHUB_STYLE)))
			.isInstanceOf(GenericHmacSignature.class);
	}

	@Test
	void hmacSourceWithoutSettingsIsRefused() {
		Source source = createSource(Provider.HMAC, "hmac_secret_Zq1", null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> SignatureSchemes.forSource(source))
			.withMessageContaining(source.id().toString())
			.withMessageNotContaining("hmac_secret_Zq1");
	}

	@Test
	void onlyMiniVoiceGoesUnsignedWithoutASecret() {
		for (Provider provider : List.of(Provider.MINARI, Provider.STANDARD_WEBHOOKS, Provider.HMAC)) {
			SignatureScheme scheme = SignatureSchemes.forSource(createSource(provider, null, null, GITHUB_STYLE));
			assertThat(scheme).isNotInstanceOf(NoSignature.class);
			assertRejected(scheme.verify(createRequest("{}"), List.of(), NOW), RejectionReason.SIGNATURE_MISSING);
		}
	}

	@Test
	void everyProviderHasAScheme() {
		for (Provider provider : Provider.values()) {
			assertThat(SignatureSchemes.forSource(createSource(provider, "secret", null, GITHUB_STYLE))).isNotNull();
		}
	}

	@Test
	void miniVoiceToleranceComesFromTheSource() {
		// { printf '%s' '1780056600.'; printf '%s' '{}'; } \
		// | openssl dgst -sha256 -hmac mv_secret
		String signature = "v1=608fa79a47b1ba64d6cb2047669791c206b874aa36fed3225ce2f664b488a22f";
		SignedRequest request = createRequest("{}", "X-MiniVoice-Timestamp", "1780056600", "X-MiniVoice-Signature",
				signature);
		SignatureScheme strict = SignatureSchemes
			.forSource(createSource(Provider.MINIVOICE, "mv_secret", Duration.ofSeconds(10), null));
		assertVerified(strict.verify(request, List.of("mv_secret"), NOW.plusSeconds(10)));
		assertRejected(strict.verify(request, List.of("mv_secret"), NOW.plusSeconds(11)),
				RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
	}

	private static Source createSource(Provider provider, String secret, Duration tolerance, HmacScheme hmac) {
		return new Source(TenantId.generate(), SourceId.generate(), "test " + provider.key(), provider, "inbound-token",
				secret, null, null, tolerance, 1_048_576, null, hmac, true, NOW, null, null);
	}

}
