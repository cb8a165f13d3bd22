package io.switchboard.core.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * What an event must satisfy to be stored, checked at the door so that no sender's
 * payload can make a transaction fail (and with it, every other event of its batch).
 * PostgreSQL stores no NUL character in text; the type and call id are indexed, so they
 * are bounded; a time must fit a four-digit year.
 */
public final class EventLimits {

	/** The longest event type, in characters. */
	public static final int MAX_EVENT_TYPE = 200;

	/** The longest call id, in characters. */
	public static final int MAX_CALL_ID = 200;

	/**
	 * The longest dedup key, in characters (longer keys are already replaced by their
	 * hash).
	 */
	public static final int MAX_DEDUP_KEY = 300;

	/** The earliest time an event may say it happened. */
	public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The latest time an event may say it happened. */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private EventLimits() {
	}

	/**
	 * Checks an event before it goes to a batch.
	 * @param event the verified event
	 * @return why it cannot be stored, or {@code null} when it can
	 */
	public static Unstorable check(IncomingEvent event) {
		Unstorable problem = text("event type", event.facts().eventType(), MAX_EVENT_TYPE);
		if (problem == null) {
			problem = text("call id", event.facts().callId(), MAX_CALL_ID);
		}
		if (problem == null) {
			problem = text("event key", event.facts().dedupKey(), MAX_DEDUP_KEY);
		}
		if (problem == null) {
			problem = time(event.facts().occurredAt());
		}
		if (problem == null) {
			problem = headers(event.contentType(), event.headers());
		}
		return problem;
	}

	private static Unstorable text(String field, String value, int maxLength) {
		if (value == null) {
			return null;
		}
		if (value.indexOf('\0') >= 0) {
			return nul("The " + field);
		}
		if (value.length() > maxLength) {
			return new Unstorable("field-too-long", "The " + field + " is " + value.length()
					+ " characters long; at most " + maxLength + " are stored.");
		}
		return null;
	}

	private static Unstorable time(Instant occurredAt) {
		if (occurredAt == null || (!occurredAt.isBefore(EARLIEST) && !occurredAt.isAfter(LATEST))) {
			return null;
		}
		return new Unstorable("timestamp-out-of-range",
				"The event's time is outside the years 0001 to 9999 that Switchboard stores.");
	}

	private static Unstorable headers(String contentType, Map<String, String> headers) {
		if (contentType != null && contentType.indexOf('\0') >= 0) {
			return nul("The Content-Type header");
		}
		for (Map.Entry<String, String> header : headers.entrySet()) {
			if (header.getValue().indexOf('\0') >= 0) {
				return nul("The " + header.getKey() + " header");
			}
		}
		return null;
	}

	private static Unstorable nul(String what) {
		return new Unstorable("invalid-text",
				what + " contains a NUL character (\\u0000), which cannot be stored as text.");
	}

}
