package io.switchboard.core.secret;

/**
 * A stored secret that does not open: a different master key, a value moved from another
 * row, or altered bytes. Never carries the secret or the key.
 */
public class SecretUnreadableException extends IllegalStateException {

	SecretUnreadableException(String owner, Throwable cause) {
		super("The stored secret of " + owner
				+ " cannot be opened: was switchboard.secrets.master-key changed since it was stored?", cause);
	}

}
