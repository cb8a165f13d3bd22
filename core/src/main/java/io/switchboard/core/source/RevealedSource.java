package io.switchboard.core.source;

/**
 * A source with the secret Switchboard just made for it, to show once.
 *
 * @param source the source
 * @param secret the secret Switchboard made, or {@code null} when none was made
 */
public record RevealedSource(Source source, String secret) {

	@Override
	public String toString() {
		return "RevealedSource[" + this.source.id() + "]";
	}

}
