package io.switchboard.worker.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.switchboard.core.delivery.AttemptRecord;

/**
 * What sending one request came to: the receiver's response, or why there was none, and
 * how long it took.
 *
 * @param response the response, or {@code null}
 * @param error what went wrong, or {@code null}
 * @param duration from sending to the answer or the failure
 */
record Sent(ReceiverResponse response, Throwable error, Duration duration) {

	static Sent response(ReceiverResponse response, Duration duration) {
		return new Sent(response, null, duration);
	}

	static Sent failure(Throwable error, Duration duration) {
		return new Sent(null, error, duration);
	}

	Integer status() {
		return (this.response != null) ? this.response.status() : null;
	}

	/**
	 * The attempt's log row.
	 * @param trigger {@code scheduled}, {@code manual} or {@code test}
	 * @param delivered whether the receiver took it
	 * @param started when it was sent
	 * @param requestHeaders the headers sent, redacted
	 * @return the record
	 */
	AttemptRecord logged(String trigger, boolean delivered, Instant started, Map<String, String> requestHeaders) {
		return new AttemptRecord(trigger, delivered, started, (int) this.duration.toMillis(), requestHeaders, status(),
				(this.response != null) ? this.response.headers() : null,
				(this.response != null) ? this.response.body() : null,
				(this.error != null) ? this.error.getClass().getSimpleName() : null,
				(this.error != null) ? String.valueOf(this.error.getMessage()) : null);
	}

}
