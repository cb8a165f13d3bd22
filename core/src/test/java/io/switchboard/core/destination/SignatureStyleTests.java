package io.switchboard.core.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignatureStyleTests {

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void everyStyleIsFoundByItsKey(SignatureStyle style) {
		assertThat(SignatureStyle.of(style.key())).isSameAs(style);
	}

	@Test
	void keysAreTheNamesTheApiUses() {
		assertThat(SignatureStyle.STANDARD_WEBHOOKS.key()).isEqualTo("standard-webhooks");
		assertThat(SignatureStyle.MINIVOICE.key()).isEqualTo("minivoice");
		assertThat(SignatureStyle.MINARI.key()).isEqualTo("minari");
		assertThat(SignatureStyle.NONE.key()).isEqualTo("none");
	}

	@Test
	void signatureHeadersAreKnownInAnyCase() {
		assertThat(SignatureStyle.isSignatureHeader("Webhook-Signature")).isTrue();
		assertThat(SignatureStyle.isSignatureHeader("x-minivoice-timestamp")).isTrue();
		assertThat(SignatureStyle.isSignatureHeader("X-WEBHOOK-SIGNATURE")).isTrue();
		assertThat(SignatureStyle.isSignatureHeader("X-Api-Key")).isFalse();
		assertThat(SignatureStyle.isSignatureHeader(null)).isFalse();
	}

	@Test
	void unknownKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SignatureStyle.of("svix")).withMessageContaining("svix");
		assertThatIllegalArgumentException().isThrownBy(() -> SignatureStyle.of("STANDARD_WEBHOOKS"));
		assertThatIllegalArgumentException().isThrownBy(() -> SignatureStyle.of(null));
	}

}
