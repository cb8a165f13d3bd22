package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.core.delivery.AttemptRecord;
import io.switchboard.core.delivery.LeasedDelivery;

/**
 * Keeps a destination's static header values (often the receiver's credentials) out of
 * everything an attempt leaves behind: the request headers logged (those headers,
 * whatever their names, and any other header carrying one of the values), the response's
 * headers and body (a receiver that echoes them) and the error message. By value, not by
 * name: {@code X-Auth} is as secret as {@code Authorization}. Values shorter than
 * {@value #MIN_SEARCHED} characters are too common to search for in text; the headers
 * that carry them are still redacted.
 */
final class AttemptRedaction {

	static final String REDACTED = "[redacted]";

	static final int MIN_SEARCHED = 4;

	private static final int MAX_BODY = 4096;

	private final Set<String> names;

	private final List<String> values;

	private AttemptRedaction(Map<String, String> customHeaders) {
		this.names = customHeaders.keySet()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		// longest first, so a value that contains another is redacted whole
		this.values = customHeaders.values()
			.stream()
			.filter((value) -> value != null && value.length() >= MIN_SEARCHED)
			.distinct()
			.sorted((a, b) -> Integer.compare(b.length(), a.length()))
			.toList();
	}

	static AttemptRedaction of(LeasedDelivery delivery) {
		Map<String, String> headers = delivery.target().customHeaders();
		return of((headers != null) ? headers : Map.of());
	}

	static AttemptRedaction of(Map<String, String> customHeaders) {
		return new AttemptRedaction(customHeaders);
	}

	AttemptRecord apply(AttemptRecord attempt) {
		return new AttemptRecord(attempt.trigger(), attempt.delivered(), attempt.startedAt(), attempt.durationMillis(),
				requestHeaders(attempt.requestHeaders()), attempt.responseStatus(), headers(attempt.responseHeaders()),
				body(attempt.responseBody()), attempt.errorClass(), text(attempt.errorMessage()));
	}

	String text(String text) {
		if (text == null) {
			return null;
		}
		String redacted = text;
		for (String value : this.values) {
			redacted = redacted.replace(value, REDACTED);
		}
		return redacted;
	}

	private Map<String, String> requestHeaders(Map<String, String> headers) {
		if (headers == null) {
			return null;
		}
		Map<String, String> redacted = new LinkedHashMap<>();
		headers.forEach((name, value) -> redacted.put(name,
				this.names.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : text(value)));
		return Collections.unmodifiableMap(redacted);
	}

	private Map<String, String> headers(Map<String, String> headers) {
		if (headers == null) {
			return null;
		}
		Map<String, String> redacted = new LinkedHashMap<>();
		headers.forEach((name, value) -> redacted.put(name, text(value)));
		return Collections.unmodifiableMap(redacted);
	}

	/**
	 * Byte for byte (ISO-8859-1 maps each byte to one char), so a body that is not text
	 * is left as it was, then cut back to what an attempt keeps.
	 */
	private byte[] body(byte[] body) {
		if (body == null || this.values.isEmpty()) {
			return body;
		}
		String bytes = new String(body, StandardCharsets.ISO_8859_1);
		for (String value : this.values) {
			bytes = bytes.replace(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
					REDACTED);
		}
		byte[] redacted = bytes.getBytes(StandardCharsets.ISO_8859_1);
		return (redacted.length > MAX_BODY) ? Arrays.copyOf(redacted, MAX_BODY) : redacted;
	}

}
