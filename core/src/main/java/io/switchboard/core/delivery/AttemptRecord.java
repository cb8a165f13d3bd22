package io.switchboard.core.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * What one attempt did, as its log row keeps it.
 *
 * @param trigger {@code scheduled}, {@code manual} or {@code test}
 * @param delivered whether the receiver accepted it
 * @param startedAt when the request started
 * @param durationMillis how long it took
 * @param requestHeaders the headers sent, secrets redacted
 * @param responseStatus the response's status, or {@code null} when none arrived
 * @param responseHeaders the response's headers, or {@code null}
 * @param responseBody the first 4 KiB of the response body, or {@code null}
 * @param errorClass what went wrong when no response arrived, or {@code null}
 * @param errorMessage its message, or {@code null}
 */
public record AttemptRecord(String trigger, boolean delivered, Instant startedAt, int durationMillis,
		Map<String, String> requestHeaders, Integer responseStatus, Map<String, String> responseHeaders,
		byte[] responseBody, String errorClass, String errorMessage) {

}
