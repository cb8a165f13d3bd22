package io.switchboard.core.delivery;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.switchboard.core.delivery.DeliveryStatus.DEAD;
import static io.switchboard.core.delivery.DeliveryStatus.DELIVERED;
import static io.switchboard.core.delivery.DeliveryStatus.LEASED;
import static io.switchboard.core.delivery.DeliveryStatus.PAUSED;
import static io.switchboard.core.delivery.DeliveryStatus.PENDING;
import static io.switchboard.core.delivery.DeliveryStatus.RETRYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The delivery state machine: each transition allows exactly its moves and refuses every
 * other, in Java and in the statements built from it.
 */
class DeliveryTransitionTests {

	@Test
	void createMakesADeliveryDueOrPausedFromNothing() {
		assertAllowsExactly(DeliveryTransition.CREATE, EnumSet.noneOf(DeliveryStatus.class),
				EnumSet.of(PENDING, PAUSED));
		assertThat(DeliveryTransition.CREATE.allows(null, PENDING)).isTrue();
		assertThat(DeliveryTransition.CREATE.allows(null, LEASED)).isFalse();
	}

	@Test
	void leaseTakesOnlyWaitingDeliveries() {
		assertAllowsExactly(DeliveryTransition.LEASE, EnumSet.of(PENDING, RETRYING), EnumSet.of(LEASED));
	}

	@Test
	void settleEndsALeaseDeliveredRetryingDeadOrPaused() {
		assertAllowsExactly(DeliveryTransition.SETTLE, EnumSet.of(LEASED),
				EnumSet.of(DELIVERED, RETRYING, DEAD, PAUSED));
	}

	@Test
	void deferPutsALeasedDeliveryBackWithoutAnAttempt() {
		assertAllowsExactly(DeliveryTransition.DEFER, EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED));
	}

	@Test
	void reclaimPutsAnExpiredLeaseBack() {
		assertAllowsExactly(DeliveryTransition.RECLAIM, EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED));
	}

	@Test
	void releasePutsAStoppingWorkersLeasesBack() {
		assertAllowsExactly(DeliveryTransition.RELEASE, EnumSet.of(LEASED), EnumSet.of(PENDING, RETRYING, PAUSED));
	}

	@Test
	void pauseStopsOnlyWaitingDeliveries() {
		assertAllowsExactly(DeliveryTransition.PAUSE, EnumSet.of(PENDING, RETRYING), EnumSet.of(PAUSED));
	}

	@Test
	void resumeMakesPausedDeliveriesWaitAgain() {
		assertAllowsExactly(DeliveryTransition.RESUME, EnumSet.of(PAUSED), EnumSet.of(PENDING, RETRYING));
	}

	@Test
	void replayRestartsOnlyFinishedDeliveries() {
		assertAllowsExactly(DeliveryTransition.REPLAY, EnumSet.of(DELIVERED, DEAD), EnumSet.of(PENDING, PAUSED));
	}

	@Test
	void finishedDeliveriesLeaveOnlyByReplay() {
		for (DeliveryTransition transition : DeliveryTransition.values()) {
			boolean leavesFinal = transition.from().stream().anyMatch(DeliveryStatus::isFinal);
			assertThat(leavesFinal).as(transition.name()).isEqualTo(transition == DeliveryTransition.REPLAY);
		}
	}

	@Test
	void onlyASettleFinishesADelivery() {
		for (DeliveryTransition transition : DeliveryTransition.values()) {
			boolean finishes = transition.to().stream().anyMatch(DeliveryStatus::isFinal);
			assertThat(finishes).as(transition.name()).isEqualTo(transition == DeliveryTransition.SETTLE);
		}
	}

	@Test
	void illegalMoveIsRefusedWithItsTransitionAndStatuses() {
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.SETTLE.check(PENDING, DELIVERED))
			.satisfies((refused) -> {
				assertThat(refused.transition()).isEqualTo(DeliveryTransition.SETTLE);
				assertThat(refused.from()).isEqualTo(PENDING);
				assertThat(refused.to()).isEqualTo(DELIVERED);
			});
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.SETTLE.target(LEASED));
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.SETTLE.target(null));
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.CREATE.target(RETRYING));
	}

	@Test
	void statementGetsItsStatusesFromTheTransition() {
		assertThat(DeliveryTransition.PAUSE.sql("UPDATE delivery SET status = {paused} WHERE status IN {from}"))
			.isEqualTo("UPDATE delivery SET status = 'paused' WHERE status IN ('pending', 'retrying')");
		assertThat(DeliveryTransition.LEASE.sql("AND p.status NOT IN {final}"))
			.isEqualTo("AND p.status NOT IN ('delivered', 'dead')");
	}

	@Test
	void statementNamingAStatusItsTransitionDoesNotReachIsRefused() {
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.PAUSE.sql("UPDATE delivery SET status = {dead}"))
			.satisfies((refused) -> assertThat(refused.to()).isEqualTo(DEAD));
		assertThatExceptionOfType(IllegalDeliveryTransition.class)
			.isThrownBy(() -> DeliveryTransition.RECLAIM.sql("UPDATE delivery SET status = {delivered}"));
	}

	@Test
	void statementWithAStatusLiteralOrUnknownTokenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeliveryTransition.PAUSE.sql("UPDATE delivery SET status = 'paused'"))
			.withMessageContaining("{paused}");
		assertThatIllegalArgumentException().isThrownBy(() -> DeliveryTransition.PAUSE.sql("SET status = {stopped}"));
	}

	@Test
	void statusReadsBackFromItsColumnValue() {
		for (DeliveryStatus status : DeliveryStatus.values()) {
			assertThat(DeliveryStatus.of(status.columnValue())).isEqualTo(status);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> DeliveryStatus.of("gone"));
	}

	private static void assertAllowsExactly(DeliveryTransition transition, Set<DeliveryStatus> from,
			Set<DeliveryStatus> to) {
		assertThat(transition.from()).isEqualTo(from);
		assertThat(transition.to()).isEqualTo(to);
		Set<DeliveryStatus> origins = from.isEmpty() ? null : from;
		for (DeliveryStatus before : DeliveryStatus.values()) {
			for (DeliveryStatus after : DeliveryStatus.values()) {
				boolean legal = (origins != null) && from.contains(before) && to.contains(after);
				assertThat(transition.allows(before, after)).as("%s %s → %s", transition, before, after)
					.isEqualTo(legal);
				if (legal) {
					assertThat(transition.check(before, after)).isEqualTo(after);
				}
				else {
					assertThatExceptionOfType(IllegalDeliveryTransition.class)
						.isThrownBy(() -> transition.check(before, after));
				}
			}
		}
		for (DeliveryStatus after : DeliveryStatus.values()) {
			assertThat(transition.allows(null, after)).isEqualTo(from.isEmpty() && to.contains(after));
		}
	}

}
