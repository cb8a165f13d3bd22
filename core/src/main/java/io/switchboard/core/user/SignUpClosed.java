package io.switchboard.core.user;

/**
 * Sign-up is switched off on this installation ({@code switchboard.signup.enabled}).
 */
public class SignUpClosed extends RuntimeException {

	SignUpClosed() {
		super("Sign-up is switched off on this Switchboard; ask its operator for an account.", null, false, false);
	}

}
