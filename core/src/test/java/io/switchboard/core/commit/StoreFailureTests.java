package io.switchboard.core.commit;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.UncategorizedR2dbcException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailureTests {

	@Test
	void aValuePostgresRefusesIsTheEventsContents() {
		for (String state : new String[] { "22021", "22P05", "23505", "54000", "22008" }) {
			Throwable error = new UncategorizedR2dbcException("store", "INSERT", refusal(state));
			assertThat(StoreFailure.contents(error)).as(state).isTrue();
			assertThat(StoreFailure.unreachable(error)).as(state).isFalse();
		}
	}

	@Test
	void theServersOwnCodeDecidesEvenWhenTheDriverFilesItAsAResourceFailure() {
		Throwable indexRowTooLarge = new DataAccessResourceFailureException("executeMany",
				new R2dbcNonTransientResourceException("index row requires 40048 bytes", "54000"));
		assertThat(StoreFailure.contents(indexRowTooLarge)).isTrue();
		assertThat(StoreFailure.unreachable(indexRowTooLarge)).isFalse();
	}

	@Test
	void aLostConnectionAServerShuttingDownOrAnEmptyPoolIsUnreachable() {
		assertThat(StoreFailure.unreachable(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new R2dbcNonTransientResourceException("refused"))))
			.isTrue();
		assertThat(StoreFailure.unreachable(new UncategorizedR2dbcException("x", "y", refusal("57P01")))).isTrue();
		assertThat(StoreFailure.unreachable(new UncategorizedR2dbcException("x", "y", refusal("08006")))).isTrue();
		assertThat(StoreFailure.unreachable(new UncategorizedR2dbcException("x", "y", refusal("53300")))).isTrue();
		assertThat(StoreFailure.unreachable(new TimeoutException())).isTrue();
		assertThat(StoreFailure.unreachable(new IllegalStateException(new IOException("reset")))).isTrue();
	}

	@Test
	void aDeadlockOrSerializationFailureIsNeitherSoItIsRetried() {
		for (String state : new String[] { "40001", "40P01" }) {
			Throwable error = new UncategorizedR2dbcException("x", "y", refusal(state));
			assertThat(StoreFailure.contents(error)).as(state).isFalse();
			assertThat(StoreFailure.unreachable(error)).as(state).isFalse();
		}
		assertThat(StoreFailure.contents(new DataIntegrityViolationException("no state"))).isFalse();
	}

	private static R2dbcException refusal(String sqlState) {
		return new R2dbcException("refused", sqlState) {
		};
	}

}
