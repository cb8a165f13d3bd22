package io.switchboard.core.token;

/**
 * A token was asked for with a scope its maker does not have: a viewer asking for a write
 * scope, or a token asking for more than it has itself.
 */
public class ScopeNotGrantableException extends RuntimeException {

	private final String scope;

	ScopeNotGrantableException(String scope) {
		super("A token cannot be given '" + scope + "': whoever asks for it does not have that scope.");
		this.scope = scope;
	}

	/**
	 * The scope asked for.
	 * @return such as {@code sources:write}
	 */
	public String scope() {
		return this.scope;
	}

}
