package io.switchboard.worker.retry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseClassifierTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "200, DELIVERED", "204, DELIVERED", "299, DELIVERED", "301, RETRY", "302, RETRY", "400, RETRY",
			"401, RETRY", "404, RETRY", "408, RETRY", "409, RETRY", "410, GONE", "413, RETRY", "429, RETRY",
			"500, RETRY", "502, RETRY", "503, RETRY", "504, RETRY" })
	void statusIsClassified(int status, Outcome outcome) {
		assertThat(ResponseClassifier.classify(status, null)).isEqualTo(outcome);
	}

	@Test
	void noResponseIsRetried() {
		assertThat(ResponseClassifier.classify(null, null)).isEqualTo(Outcome.RETRY);
		assertThat(ResponseClassifier.classify(null, "abort")).isEqualTo(Outcome.RETRY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abort", "ABORT", " Abort " })
	void abortHeaderOnAFailureStopsRetries(String header) {
		assertThat(ResponseClassifier.classify(500, header)).isEqualTo(Outcome.ABORT);
		assertThat(ResponseClassifier.classify(400, header)).isEqualTo(Outcome.ABORT);
		assertThat(ResponseClassifier.classify(302, header)).isEqualTo(Outcome.ABORT);
	}

	@Test
	void abortHeaderOnSuccessStaysDelivered() {
		assertThat(ResponseClassifier.classify(200, "abort")).isEqualTo(Outcome.DELIVERED);
	}

	@Test
	void goneWinsOverAbortHeader() {
		assertThat(ResponseClassifier.classify(410, "abort")).isEqualTo(Outcome.GONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "retry", "aborted", "no-abort" })
	void otherHeaderValuesAreRetried(String header) {
		assertThat(ResponseClassifier.classify(500, header)).isEqualTo(Outcome.RETRY);
	}

}
