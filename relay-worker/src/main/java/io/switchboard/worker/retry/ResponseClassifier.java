package io.switchboard.worker.retry;

/**
 * Reads a receiver's answer: delivered, try again, destination gone, or stop.
 */
public final class ResponseClassifier {

	/** The response header by which a receiver asks for no more attempts. */
	static final String ABORT_HEADER = "webhook-delivery";

	private static final String ABORT = "abort";

	private static final int GONE = 410;

	private ResponseClassifier() {
	}

	/**
	 * What an answer means. Any 2xx is delivered, whatever else it says. 410 Gone means
	 * the destination is gone. Any other non-2xx answer carrying
	 * {@code webhook-delivery: abort} stops the retries. Everything else is retried:
	 * redirects (which are not followed), 408, 429, 5xx, no answer at all, and the other
	 * 4xx too, since receivers misconfigure and then fix things.
	 * @param status the HTTP status, or {@code null} when no response arrived (connection
	 * error, timeout)
	 * @param abortHeader the value of the response's {@code webhook-delivery} header, or
	 * {@code null}
	 * @return the outcome
	 */
	public static Outcome classify(Integer status, String abortHeader) {
		if (status == null) {
			return Outcome.RETRY;
		}
		if (status >= 200 && status <= 299) {
			return Outcome.DELIVERED;
		}
		if (status == GONE) {
			return Outcome.GONE;
		}
		if (abortHeader != null && ABORT.equalsIgnoreCase(abortHeader.strip())) {
			return Outcome.ABORT;
		}
		return Outcome.RETRY;
	}

}
