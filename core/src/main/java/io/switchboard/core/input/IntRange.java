package io.switchboard.core.input;

/**
 * A whole number a setting allows, from {@code min} to {@code max}, with the one message
 * people get for any other value.
 *
 * @param field the setting's field
 * @param min the least allowed
 * @param max the most allowed
 * @param message what to give instead
 */
public record IntRange(String field, int min, int max, String message) {

	/**
	 * Checks a value that may be absent.
	 * @param value the value, or {@code null} for none
	 * @param errors where a problem is noted
	 * @return the value
	 */
	public Integer check(Integer value, InputErrors errors) {
		if (value != null && (value < this.min || value > this.max)) {
			errors.add(this.field, this.message);
		}
		return value;
	}

	/**
	 * Reads a value written as text (a form's field); blank is none.
	 * @param text the text
	 * @param errors where a problem is noted, with this range's message
	 * @return the value, or {@code null} when blank or refused
	 */
	public Integer read(String text, InputErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return check(Integer.valueOf(text.trim()), errors);
		}
		catch (NumberFormatException ex) {
			errors.add(this.field, this.message);
			return null;
		}
	}

}
