package io.switchboard.worker.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What an attempt's answer means, and what it says about the next attempt: the outcome,
 * the wait the receiver asked for, and whether it was overloaded.
 *
 * @param outcome delivered, retry, gone or abort
 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
 * @param overloaded whether it answered 429 or the attempt timed out
 */
public record Classification(Outcome outcome, Duration retryAfter, boolean overloaded) {

	/**
	 * Classifies an attempt's answer.
	 * @param status the response's status, or {@code null} when none came
	 * @param headers the response's headers (names in lower case), or {@code null}
	 * @param error what went wrong when no response came, or {@code null}
	 * @param started when the attempt started (a {@code Retry-After} date counts from
	 * there)
	 * @return what it means
	 */
	public static Classification of(Integer status, Map<String, String> headers, Throwable error, Instant started) {
		Map<String, String> answered = (headers != null) ? headers : Map.of();
		Outcome outcome = ResponseClassifier.classify(status, answered.get(ResponseClassifier.ABORT_HEADER));
		Duration retryAfter = (status != null) ? RetryAfter.parse(answered.get("retry-after"), started) : null;
		boolean overloaded = (status != null && status == 429) || timedOut(error);
		return new Classification(outcome, retryAfter, overloaded);
	}

	/**
	 * Whether the receiver took it.
	 * @return whether the outcome is {@link Outcome#DELIVERED}
	 */
	public boolean delivered() {
		return this.outcome == Outcome.DELIVERED;
	}

	private static boolean timedOut(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

}
