package io.switchboard.core.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects what is wrong with some input, the first message per field, so a form shows
 * every problem at once.
 */
public final class InputErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/**
	 * Notes a problem, unless the field has one already.
	 * @param field the field
	 * @param message what is wrong
	 */
	public void add(String field, String message) {
		this.errors.putIfAbsent(field, message);
	}

	/**
	 * Notes a problem when a condition fails.
	 * @param holds whether the input is fine
	 * @param field the field
	 * @param message what is wrong otherwise
	 */
	public void require(boolean holds, String field, String message) {
		if (!holds) {
			add(field, message);
		}
	}

	/**
	 * Reads a value, noting the problem instead when reading refuses it.
	 * @param field the field
	 * @param read reads the value; an {@link IllegalArgumentException} says the problem
	 * @param <T> the value's type
	 * @return the value, or {@code null} when it was refused
	 */
	public <T> T read(String field, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (IllegalArgumentException ex) {
			add(field, ex.getMessage());
			return null;
		}
	}

	/**
	 * Whether a field was refused.
	 * @param field the field
	 * @return {@code true} if it has a problem
	 */
	public boolean has(String field) {
		return this.errors.containsKey(field);
	}

	/**
	 * Ends the check.
	 * @throws InvalidInput naming every problem noted, if any
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInput(this.errors);
		}
	}

}
