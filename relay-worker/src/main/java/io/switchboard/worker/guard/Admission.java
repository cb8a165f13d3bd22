package io.switchboard.worker.guard;

import java.time.Duration;

/**
 * Whether an attempt may go now. A refusal is not the receiver's fault: the delivery is
 * deferred and no attempt is used up.
 *
 * @param admitted whether the attempt may be made
 * @param retryIn when to try again if not
 * @param reason why not, for the log
 */
public record Admission(boolean admitted, Duration retryIn, String reason) {

	static Admission admit() {
		return new Admission(true, Duration.ZERO, null);
	}

	static Admission defer(Duration retryIn, String reason) {
		return new Admission(false, retryIn, reason);
	}

}
