package io.switchboard.api.inbound;

import java.time.Duration;

import io.switchboard.core.ingest.Unstorable;

import org.springframework.http.HttpStatus;

/**
 * Why the inbound endpoint refuses a request: a status, a stable code a sender can branch
 * on, a sentence for people, and for 429 and 503 when to try again.
 */
final class InboundRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Duration retryAfter;

	private final boolean recorded;

	private InboundRefusal(HttpStatus status, String code, String detail, Duration retryAfter, boolean recorded,
			Throwable cause) {
		super(detail, cause, false, false);
		this.status = status;
		this.code = code;
		this.retryAfter = retryAfter;
		this.recorded = recorded;
	}

	static InboundRefusal unknownSource() {
		return new InboundRefusal(HttpStatus.NOT_FOUND, "source-not-found", "No source has this inbound URL.", null,
				false, null);
	}

	static InboundRefusal disabledSource() {
		return recorded(HttpStatus.GONE, "source-disabled",
				"This source is disabled; its owner can enable it again in Switchboard.");
	}

	static InboundRefusal rateLimited(Duration wait) {
		return new InboundRefusal(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"This source receives more requests per second than it allows; retry later.", wait, true, null);
	}

	static InboundRefusal tooLarge(long limit) {
		return recorded(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The body is larger than this source accepts (" + limit + " bytes).");
	}

	static InboundRefusal slowBody() {
		return recorded(HttpStatus.REQUEST_TIMEOUT, "body-timeout", "The request body did not arrive in time.");
	}

	static InboundRefusal unverified(String code, String detail) {
		return recorded(HttpStatus.UNAUTHORIZED, code, detail);
	}

	static InboundRefusal unstorable(Unstorable why) {
		return recorded(HttpStatus.UNPROCESSABLE_CONTENT, why.code(), why.detail());
	}

	static InboundRefusal overloaded(Duration retryAfter) {
		return new InboundRefusal(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
				"Switchboard is taking in more than it can hold just now; nothing was stored. Retry later.", retryAfter,
				false, null);
	}

	static InboundRefusal sourceBusy(Duration retryAfter) {
		return new InboundRefusal(HttpStatus.TOO_MANY_REQUESTS, "source-busy",
				"This source has more request bodies in flight than its share; retry later.", retryAfter, true, null);
	}

	static InboundRefusal tooManyRefusals(Duration wait) {
		return new InboundRefusal(HttpStatus.TOO_MANY_REQUESTS, "too-many-refusals",
				"This source's requests are refused too often (see its recent rejections); they are not read for now."
						+ " Retry later.",
				wait, false, null);
	}

	static InboundRefusal lookupsBusy(Duration retryAfter) {
		return new InboundRefusal(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many requests to inbound URLs not looked up yet; retry shortly.", retryAfter, false, null);
	}

	static InboundRefusal unknownSourcesRateLimited(Duration wait) {
		return new InboundRefusal(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many requests from this address to inbound URLs that name no source; retry later.", wait, false,
				null);
	}

	static InboundRefusal notStored(Duration retryAfter, Throwable cause) {
		return new InboundRefusal(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
				"The event could not be stored just now and was not accepted; retry later.", retryAfter, false, cause);
	}

	private static InboundRefusal recorded(HttpStatus status, String code, String detail) {
		return new InboundRefusal(status, code, detail, null, true, null);
	}

	/**
	 * Whether the request was read (and perhaps verified) before it was refused: a bad
	 * signature, an unstorable event, a body too large or too slow. Such refusals cost
	 * what storing would, and count toward the source's refusal brake.
	 * @return whether it was read
	 */
	boolean afterReading() {
		return this.status == HttpStatus.UNAUTHORIZED || this.status == HttpStatus.UNPROCESSABLE_CONTENT
				|| this.status == HttpStatus.CONTENT_TOO_LARGE || this.status == HttpStatus.REQUEST_TIMEOUT;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the source's owner should see this refusal in its rejection log. An unknown
	 * token has no owner; a storage failure is ours, not the sender's.
	 * @return true if recorded
	 */
	boolean recorded() {
		return this.recorded;
	}

}
