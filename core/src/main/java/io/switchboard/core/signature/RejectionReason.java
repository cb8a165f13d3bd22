package io.switchboard.core.signature;

/**
 * Why a request's signature was not accepted.
 */
public enum RejectionReason {

	/** The signature header (or another header the signature needs) is absent. */
	SIGNATURE_MISSING("signature-missing"),

	/** The signature header is not in the provider's format. */
	SIGNATURE_MALFORMED("signature-malformed"),

	/** The signature is well formed but matches none of the source's secrets. */
	SIGNATURE_INVALID("signature-invalid"),

	/** The signed timestamp header is absent. */
	TIMESTAMP_MISSING("timestamp-missing"),

	/** The signed timestamp is not a time we can read. */
	TIMESTAMP_MALFORMED("timestamp-malformed"),

	/** The signature is valid but its timestamp is too far from now, past or future. */
	TIMESTAMP_OUT_OF_TOLERANCE("timestamp-out-of-tolerance");

	private final String code;

	RejectionReason(String code) {
		this.code = code;
	}

	/**
	 * The stable machine code, as shown in the API.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

}
