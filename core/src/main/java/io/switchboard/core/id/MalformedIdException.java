package io.switchboard.core.id;

/**
 * Text that is not an id of the expected type. Callers answer it as "not found": an id
 * that cannot exist names nothing.
 */
public class MalformedIdException extends IllegalArgumentException {

	private final String expectedPrefix;

	MalformedIdException(String expectedPrefix, String text) {
		super("Not a valid " + expectedPrefix + "_ id: '" + abbreviate(text) + "'");
		this.expectedPrefix = expectedPrefix;
	}

	/**
	 * The prefix the text should have carried.
	 * @return the prefix, without the underscore
	 */
	public String expectedPrefix() {
		return this.expectedPrefix;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "null";
		}
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
