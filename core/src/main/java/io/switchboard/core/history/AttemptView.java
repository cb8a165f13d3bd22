package io.switchboard.core.history;

import java.time.Instant;
import java.util.Map;

import io.switchboard.core.id.AttemptId;

/**
 * One attempt as logged.
 *
 * @param id the id
 * @param series the attempt series (a replay starts a new one)
 * @param number the attempt's number in its series
 * @param trigger {@code scheduled}, {@code manual} or {@code test}
 * @param outcome {@code delivered} or {@code failed}
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param requestUrl where it was sent
 * @param requestHeaders the headers sent, secrets redacted
 * @param responseStatus the answer's status, or {@code null}
 * @param responseHeaders the answer's headers, or {@code null}
 * @param responseBody the first 4 KiB of the answer, as text
 * @param errorClass what went wrong without an answer
 * @param errorMessage its message
 */
public record AttemptView(AttemptId id, int series, int number, String trigger, String outcome, Instant startedAt,
		Integer durationMs, String requestUrl, Map<String, String> requestHeaders, Integer responseStatus,
		Map<String, String> responseHeaders, String responseBody, String errorClass, String errorMessage) {

}
