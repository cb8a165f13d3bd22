package io.switchboard.worker.engine;

/**
 * A destination URL Switchboard does not send to (not https, or naming an inward
 * address).
 */
class UrlRefusedException extends RuntimeException {

	UrlRefusedException(String reason) {
		super(reason);
	}

}
