package io.switchboard.core.asset;

/**
 * Why fetching an asset did not work, as the API shows it in {@code reason}.
 */
public enum FetchFailure {

	/** The link expired (its server answered 403 or 410, or its expiry passed). */
	EXPIRED("expired", true),

	/** Its server has no such file (404). */
	NOT_FOUND("not-found", true),

	/** Larger than {@code switchboard.assets.max-bytes}. */
	TOO_LARGE("too-large", true),

	/** The egress guard refused its address, or the link is not an http(s) URL. */
	REFUSED("refused", true),

	/**
	 * Its server was too slow: nothing came for the idle timeout, or it took too long.
	 */
	TIMEOUT("timeout", false),

	/** Its server answered with another error. */
	HTTP_ERROR("http-error", false),

	/** The connection failed, or storing failed. */
	ERROR("error", false);

	private final String code;

	private final boolean permanent;

	FetchFailure(String code, boolean permanent) {
		this.code = code;
		this.permanent = permanent;
	}

	/**
	 * The reason's code.
	 * @return such as {@code expired}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The failure with a reason code.
	 * @param code such as {@code timeout}
	 * @return the failure, or {@code null} for no code or an unknown one
	 */
	public static FetchFailure ofCode(String code) {
		for (FetchFailure failure : values()) {
			if (failure.code.equals(code)) {
				return failure;
			}
		}
		return null;
	}

	/**
	 * Whether trying again cannot help.
	 * @return true for an expired, missing, oversized or refused asset
	 */
	public boolean permanent() {
		return this.permanent;
	}

}
