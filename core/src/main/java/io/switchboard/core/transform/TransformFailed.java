package io.switchboard.core.transform;

/**
 * A transformation that could not make a body for an event: the reason is for people and
 * is shown with the dead delivery.
 */
public class TransformFailed extends RuntimeException {

	public TransformFailed(String message) {
		super(message, null, false, false);
	}

}
