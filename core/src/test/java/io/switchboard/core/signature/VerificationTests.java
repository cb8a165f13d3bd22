package io.switchboard.core.signature;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class VerificationTests {

	@Test
	void verifiedIsVerified() {
		assertThat(Verification.verified().isVerified()).isTrue();
		assertThat(Verification.verified()).isEqualTo(new Verification.Verified());
	}

	@Test
	void rejectedCarriesItsReasonAndDetail() {
		Verification verification = Verification.rejected(RejectionReason.SIGNATURE_INVALID, "No secret matches");
		assertThat(verification.isVerified()).isFalse();
		assertThat(verification)
			.isEqualTo(new Verification.Rejected(RejectionReason.SIGNATURE_INVALID, "No secret matches"));
	}

	@Test
	void rejectionNeedsAReasonAndADetail() {
		assertThatNullPointerException().isThrownBy(() -> Verification.rejected(null, "detail"));
		assertThatNullPointerException()
			.isThrownBy(() -> Verification.rejected(RejectionReason.SIGNATURE_INVALID, null));
	}

	@Test
	void reasonCodesAreStableKebabCase() {
		assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).containsExactly(
				"signature-missing", "signature-malformed", "signature-invalid", "timestamp-missing",
				"timestamp-malformed", "timestamp-out-of-tolerance");
	}

}
