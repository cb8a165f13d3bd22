package io.switchboard.core.signature;

import java.util.Objects;

/**
 * The outcome of checking a request's signature.
 */
public sealed interface Verification permits Verification.Verified, Verification.Rejected {

	/**
	 * The request is authentic.
	 * @return the verified outcome
	 */
	static Verification verified() {
		return new Verified();
	}

	/**
	 * The request is not accepted.
	 * @param reason why, as a stable code
	 * @param detail a short sentence for people
	 * @return the rejected outcome
	 */
	static Verification rejected(RejectionReason reason, String detail) {
		return new Rejected(reason, detail);
	}

	/**
	 * Whether the request is authentic.
	 * @return true when verified
	 */
	default boolean isVerified() {
		return this instanceof Verified;
	}

	/**
	 * The request is authentic.
	 */
	record Verified() implements Verification {

	}

	/**
	 * The request is not accepted.
	 *
	 * @param reason why, as a stable code
	 * @param detail a short sentence for people, never with a secret or expected
	 * signature
	 */
	record Rejected(RejectionReason reason, String detail) implements Verification {

		public Rejected {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(detail, "detail");
		}

	}

}
