package io.switchboard.worker.retry;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classify phase: the outcome and what the answer says about the next attempt.
 */
class ClassificationTests {

	private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void successIsDeliveredWithNoHints() {
		Classification classified = Classification.of(204, Map.of("retry-after", "60"), null, STARTED);
		assertThat(classified.delivered()).isTrue();
		assertThat(classified.overloaded()).isFalse();
	}

	@Test
	void tooManyRequestsIsOverloadedAndCarriesItsRetryAfter() {
		Classification classified = Classification.of(429, Map.of("retry-after", "120"), null, STARTED);
		assertThat(classified.outcome()).isEqualTo(Outcome.RETRY);
		assertThat(classified.overloaded()).isTrue();
		assertThat(classified.retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void timeoutIsOverloadedAndAConnectionFailureIsNot() {
		assertThat(Classification.of(null, null, new IOException("read", new TimeoutException()), STARTED))
			.isEqualTo(new Classification(Outcome.RETRY, null, true));
		assertThat(Classification.of(null, null, new IOException("Connection refused"), STARTED))
			.isEqualTo(new Classification(Outcome.RETRY, null, false));
	}

	@Test
	void goneAndAbortAreReadFromTheAnswer() {
		assertThat(Classification.of(410, Map.of(), null, STARTED).outcome()).isEqualTo(Outcome.GONE);
		assertThat(Classification.of(400, Map.of("webhook-delivery", "abort"), null, STARTED).outcome())
			.isEqualTo(Outcome.ABORT);
	}

}
