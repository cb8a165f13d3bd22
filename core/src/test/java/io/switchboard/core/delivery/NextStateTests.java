package io.switchboard.core.delivery;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A settle's next state can only be one the settle transition reaches.
 */
class NextStateTests {

	@Test
	void settleEndsDeliveredRetryingDeadOrPaused() {
		Instant due = Instant.now().plusSeconds(5);
		assertThat(NextState.delivered().status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(NextState.retryAt(due)).isEqualTo(new NextState(DeliveryStatus.RETRYING, due));
		assertThat(NextState.dead().status()).isEqualTo(DeliveryStatus.DEAD);
		assertThat(NextState.paused().status()).isEqualTo(DeliveryStatus.PAUSED);
	}

	@Test
	void settleThatWouldLeaveADeliveryWaitingOrLeasedIsRefused() {
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> new NextState(DeliveryStatus.PENDING, null));
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> new NextState(DeliveryStatus.LEASED, null));
		assertThatExceptionOfType(IllegalDeliveryTransition.class).isThrownBy(() -> new NextState(null, null));
	}

	@Test
	void onlyARetryHasADueTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NextState(DeliveryStatus.RETRYING, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NextState(DeliveryStatus.DEAD, Instant.now().plusSeconds(5)));
	}

}
