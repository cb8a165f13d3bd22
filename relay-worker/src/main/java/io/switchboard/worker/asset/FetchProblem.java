package io.switchboard.worker.asset;

import io.switchboard.core.asset.FetchFailure;

/**
 * A fetch that did not bring the asset, with the reason the API shows.
 */
final class FetchProblem extends RuntimeException {

	private final FetchFailure failure;

	FetchProblem(FetchFailure failure, String detail) {
		super(detail, null, false, false);
		this.failure = failure;
	}

	FetchFailure failure() {
		return this.failure;
	}

	/**
	 * What an answer's status means for an asset.
	 * @param status the status, not 2xx
	 * @return the problem
	 */
	static FetchProblem status(int status) {
		FetchFailure failure = switch (status) {
			// Minari: "403 Access denied: the URL has expired"
			case 401, 403, 410 -> FetchFailure.EXPIRED;
			case 404 -> FetchFailure.NOT_FOUND;
			case 413 -> FetchFailure.TOO_LARGE;
			case 408, 504 -> FetchFailure.TIMEOUT;
			default -> FetchFailure.HTTP_ERROR;
		};
		return new FetchProblem(failure, "The asset's server answered " + status);
	}

}
