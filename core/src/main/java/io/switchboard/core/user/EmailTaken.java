package io.switchboard.core.user;

/**
 * Someone signs up or joins with an email that already has an account (emails are unique
 * in the installation).
 */
public class EmailTaken extends RuntimeException {

	EmailTaken() {
		super("An account with this email exists already; sign in instead.", null, false, false);
	}

}
